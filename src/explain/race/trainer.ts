/**
 * Training one race network with tfjs-core: SGD with momentum on softmax cross-entropy,
 * batch norm on batch statistics, the shared batch order; validation accuracy on running
 * statistics; each main-path layer's gradient norm on request. Runs in Node (tests), in
 * the race's Web Worker, or on the main thread. Every tensor it makes is disposed.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core registers gradient functions only on request; training needs them
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import {
  createRaceNet,
  disposeRaceNet,
  raceForward,
  raceLayerWeights,
  raceTrainableVariables,
  updateRunningStatistics,
  type RaceNet,
  type RaceNetSpec,
} from '../../model/raceNet';
import type { BatchStatistics } from '../../model/raceBatchNorm';
import { FlatMomentumSGD } from '../../model/flatMomentum';
import type { LabelledImages } from './data';
import type { RaceConfig } from './setup';
import { IMAGE_PIXELS, IMAGE_SIDE } from '../../model/fashionMnist';

/** Images (bytes, N × 784) as a float batch (N, 28, 28, 1) in [0, 1] and one-hot labels. */
export function toBatch(d: LabelledImages, indices: ArrayLike<number>): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const n = indices.length;
  const pixels = new Float32Array(n * IMAGE_PIXELS);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = indices[i]!;
    for (let p = 0; p < IMAGE_PIXELS; p++) pixels[i * IMAGE_PIXELS + p] = d.images[k * IMAGE_PIXELS + p]! / 255;
    labels[i] = d.labels[k]!;
  }
  return tf.tidy(() => ({
    x: tf.tensor4d(pixels, [n, IMAGE_SIDE, IMAGE_SIDE, 1]),
    y: tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 10), 'float32') as tf.Tensor2D,
  }));
}

/** What one training step measured. */
export interface StepResult {
  /** The batch's loss before the step. */
  readonly loss: number;
  /** Each main-path layer's weight-gradient norm (6n + 2), when probed. */
  readonly gradNorms?: number[];
  /** Every parameter's gradient, in `raceNamedParameters` order, when asked for. */
  readonly gradients?: Float32Array[];
}

/** One network being trained; call `dispose` when done. */
export class RaceTrainer {
  readonly net: RaceNet;
  private readonly optimizer: FlatMomentumSGD;
  private readonly vars: tf.Variable[];
  private readonly layerWeights: tf.Variable[];

  constructor(spec: RaceNetSpec, cfg: Pick<RaceConfig, 'seed' | 'learningRate' | 'momentum'>) {
    this.net = createRaceNet(spec, cfg.seed);
    this.vars = raceTrainableVariables(this.net);
    this.optimizer = new FlatMomentumSGD(this.vars, cfg.learningRate, cfg.momentum);
    this.layerWeights = raceLayerWeights(this.net);
  }

  /**
   * One SGD step on the batch; returns the batch's loss (before the step), the gradient norm
   * of each main-path layer's weight (6n + 2 numbers) when `probe` is set, and every
   * parameter's gradient (as `raceNamedParameters` lists them, tfjs layouts) when
   * `withGradients` is set: the gradients this very step applied, which the gradient check
   * (gradCheck.ts) holds to PyTorch's.
   */
  async step(x: tf.Tensor4D, y: tf.Tensor2D, probe = false, withGradients = false): Promise<StepResult> {
    const stats: BatchStatistics = [];
    const { value, grads } = tf.variableGrads(
      () => tf.losses.softmaxCrossEntropy(y, raceForward(this.net, x, stats)) as tf.Scalar,
      this.vars,
    );
    const norms = probe ? tf.tidy(() => tf.stack(this.layerWeights.map((w) => tf.norm(grads[w.name]!)))) : undefined;
    this.optimizer.applyGradients(grads);
    updateRunningStatistics(this.net, stats);
    try {
      const loss = (await value.data())[0]!;
      const gradients = withGradients
        ? // a variable the loss does not depend on has no gradient: an empty array, which no check passes
          await Promise.all(
            this.vars.map(async (v) => ((await grads[v.name]?.data()) ?? new Float32Array(0)) as Float32Array),
          )
        : undefined;
      return {
        loss,
        ...(norms ? { gradNorms: Array.from(await norms.data()) } : {}),
        ...(gradients ? { gradients } : {}),
      };
    } finally {
      tf.dispose(Object.values(grads));
      value.dispose();
      norms?.dispose();
    }
  }

  /** Share of `d`'s first `count` images classified right, in batches of `batch`, on running statistics. */
  async accuracy(d: LabelledImages, count: number, batch = 100): Promise<number> {
    let right = 0;
    for (let at = 0; at < count; at += batch) {
      const idx = Array.from({ length: Math.min(batch, count - at) }, (_, i) => at + i);
      const { x, y } = toBatch(d, idx);
      const hits = tf.tidy(() => tf.sum(tf.equal(tf.argMax(raceForward(this.net, x), 1), tf.argMax(y, 1))));
      right += (await hits.data())[0]!;
      tf.dispose([x, y, hits]);
    }
    return right / count;
  }

  dispose(): void {
    this.optimizer.dispose();
    disposeRaceNet(this.net);
  }
}
