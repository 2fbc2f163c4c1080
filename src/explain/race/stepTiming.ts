/**
 * How long one training step of a race network takes on the current backend: the bench's
 * `train-step` rows, in Node and in Chromium, measure with this one function.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RaceNetSpec } from '../../model/raceNet';
import type { LabelledImages } from './data';
import { batchIndices } from './setup';
import { RaceTrainer, toBatch } from './trainer';

export interface TrainStepTiming {
  /** Median milliseconds of the timed steps. */
  readonly ms: number;
  /** Every timed step, in order. */
  readonly all: readonly number[];
  /** The warm-up steps (the first builds kernels or compiles shaders). */
  readonly warmUpMs: readonly number[];
}

const WARM_UP_STEPS = 2;

/**
 * `runs` SGD steps of a fresh network on one batch of `batch` images, after two warm-up steps;
 * fewer (at least one) once `budgetMs` has been spent. Each step ends when its loss is read back.
 */
export async function timeTrainStep(
  train: LabelledImages,
  spec: RaceNetSpec,
  batch: number,
  runs: number,
  budgetMs = Infinity,
): Promise<TrainStepTiming> {
  const trainer = new RaceTrainer(spec, { seed: 1, learningRate: 0.05, momentum: 0.9 });
  const { x, y } = toBatch(train, batchIndices(train.labels.length, batch, 1, 1)[0]!);
  const start = performance.now();
  try {
    const warmUpMs: number[] = [];
    for (let i = 0; i < WARM_UP_STEPS; i++) {
      const t0 = performance.now();
      await trainer.step(x, y);
      warmUpMs.push(performance.now() - t0);
    }
    const all: number[] = [];
    for (let i = 0; i < runs && (i === 0 || performance.now() - start < budgetMs); i++) {
      const t0 = performance.now();
      await trainer.step(x, y);
      all.push(performance.now() - t0);
    }
    const sorted = [...all].sort((a, b) => a - b);
    return { ms: sorted[Math.floor(sorted.length / 2)]!, all, warmUpMs };
  } finally {
    tf.dispose([x, y]);
    trainer.dispose();
  }
}
