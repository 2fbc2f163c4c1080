/**
 * The race: every network trains one step in turn on the same batch (first in turn, too), so
 * all curves grow together and each network's time is its own. Reports every step's records;
 * waits while paused; stops when cancelled. The trained networks are handed back (the caller owns them:
 * a later experiment uses their weights); every other tensor is freed, all of them on a throw.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RaceData } from './data';
import { batchIndices, raceEntries, type RaceConfig, type StepRecord } from './setup';
import { RaceTrainer, toBatch } from './trainer';

export interface RaceHooks {
  /** The records of one step, one per network. */
  readonly onStep: (records: StepRecord[]) => void;
  /** Resolves when training may go on (at once unless paused). */
  readonly whenRunning?: () => Promise<void>;
  /** Checked after every step; stops the race when true. */
  readonly cancelled?: () => boolean;
}

/**
 * The order the networks train in at step `step` (1-based): each goes first in turn, so what
 * the first training after a new batch pays is shared, not charged to one network's seconds.
 * (With the same order every step, the first network, plain-8, took 58–62 ms a step on
 * WebAssembly here against residual-8's 43–44 ms; taking turns, 36 and 38 ms.)
 */
export function stepOrder(step: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => (step - 1 + k) % count);
}

/**
 * Run the whole race; resolves, when every network has trained `cfg.steps` steps or it was
 * cancelled, with the trainers in `raceEntries(cfg)` order (dispose them when done).
 */
export async function runRace(cfg: RaceConfig, data: RaceData, hooks: RaceHooks): Promise<RaceTrainer[]> {
  const entries = raceEntries(cfg);
  const trainers = entries.map((e) => new RaceTrainer(e.spec, cfg));
  const seconds = entries.map(() => 0);
  const valCount = Math.min(cfg.valImages, data.val.labels.length);
  const batches = batchIndices(data.train.labels.length, cfg.batch, cfg.steps, cfg.seed);
  try {
    for (let s = 1; s <= cfg.steps; s++) {
      await hooks.whenRunning?.();
      if (hooks.cancelled?.()) return trainers;
      const { x, y } = toBatch(data.train, batches[s - 1]!);
      const records: StepRecord[] = [];
      try {
        for (const i of stepOrder(s, trainers.length)) {
          const t = trainers[i]!;
          const probe = s % cfg.gradEvery === 0 || s === 1;
          const start = performance.now();
          const { loss, gradNorms } = await t.step(x, y, probe);
          seconds[i]! += (performance.now() - start) / 1000;
          const evaluate = s % cfg.evalEvery === 0 || s === cfg.steps;
          const valStart = performance.now();
          const valAccuracy = evaluate ? await t.accuracy(data.val, valCount) : undefined;
          const valMsPerImage = evaluate ? (performance.now() - valStart) / valCount : undefined;
          records[i] = {
            id: entries[i]!.id,
            step: s,
            loss,
            seconds: seconds[i]!,
            ...(valAccuracy !== undefined ? { valAccuracy } : {}),
            ...(valMsPerImage !== undefined ? { valMsPerImage } : {}),
            ...(gradNorms ? { gradNorms } : {}),
          };
        }
      } finally {
        tf.dispose([x, y]);
      }
      hooks.onStep(records);
    }
    return trainers;
  } catch (e) {
    trainers.forEach((t) => t.dispose());
    throw e;
  }
}
