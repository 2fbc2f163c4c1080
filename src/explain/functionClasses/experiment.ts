/**
 * The depth experiment: fit a 1-D target with plain and residual networks of growing
 * depth (same width, optimiser, steps and seed), then the nested construction: append
 * a layer (a zero residual block; a plain layer of zeros, of the identity, or random) to a
 * trained network and measure what changes. Plain TypeScript on
 * tfjs-core: it runs in Node (tests), in a Web Worker (the page) or on the main thread.
 * Every tensor it makes is disposed before it returns.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  APPENDED_LAYERS,
  DEFAULT_EXPERIMENT,
  familyOfLayer,
  makeDataset,
  type AppendedLayer,
  type ConstructionResult,
  type ExperimentConfig,
  type ExperimentResult,
  type Progress,
  type SweepPoint,
} from './experimentSetup';
import {
  appendLayer,
  cloneMlp,
  createMlp,
  disposeMlp,
  FAMILIES,
  mlpDepth,
  mlpForward,
  mlpVariables,
  type Family,
  type Mlp,
} from './mlp';

export {
  APPENDED_LAYERS,
  DEFAULT_EXPERIMENT,
  makeDataset,
  target,
  type AppendedLayer,
  type ConstructionResult,
  type ExperimentConfig,
  type ExperimentResult,
  type Progress,
  type SweepPoint,
} from './experimentSetup';

export interface RunOptions {
  readonly onProgress?: (p: Progress) => void;
  /** Called between chunks: let the page breathe (e.g. a zero-delay timeout). */
  readonly yieldToPage?: () => Promise<void>;
  /** Checked between chunks; stop early (with an error) when it says so. */
  readonly cancelled?: () => boolean;
}

/** Thrown (and caught by the caller) when a run is cancelled. */
export class ExperimentCancelled extends Error {
  constructor() {
    super('the experiment was stopped');
  }
}

interface Data {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor2D;
}

function mse(net: Mlp, d: Data): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.square(tf.sub(mlpForward(net, d.x), d.y))) as tf.Scalar);
}

/** The network's loss on the data, read back. */
export async function lossOf(net: Mlp, d: Data): Promise<number> {
  const l = mse(net, d);
  try {
    return (await l.data())[0]!;
  } finally {
    l.dispose();
  }
}

/** The network's outputs on the data's inputs, read back. */
export async function predict(net: Mlp, x: tf.Tensor2D): Promise<Float32Array> {
  const y = mlpForward(net, x);
  try {
    return (await y.data()) as Float32Array;
  } finally {
    y.dispose();
  }
}

/** Train with Adam, full batch, calling `afterChunk` every `chunk` steps. Returns the final loss. */
export async function train(
  net: Mlp,
  d: Data,
  steps: number,
  cfg: Pick<ExperimentConfig, 'learningRate' | 'chunk'>,
  afterChunk: (stepsDone: number) => Promise<void>,
): Promise<number> {
  const optimizer = tf.train.adam(cfg.learningRate);
  const vars = mlpVariables(net);
  try {
    for (let s = 0; s < steps;) {
      const n = Math.min(cfg.chunk, steps - s);
      for (let i = 0; i < n; i++) optimizer.minimize(() => mse(net, d), false, vars);
      s += n;
      await afterChunk(n);
    }
  } finally {
    optimizer.dispose();
  }
  return lossOf(net, d);
}

/**
 * Run the whole experiment: for each family and depth, train a network and keep its
 * final loss; then, on the trained networks of `constructionDepth`, append each of
 * `APPENDED_LAYERS` and measure the change and the loss after more training.
 */
export async function runExperiment(
  cfg: ExperimentConfig = DEFAULT_EXPERIMENT,
  opts: RunOptions = {},
): Promise<ExperimentResult> {
  if (!cfg.depths.includes(cfg.constructionDepth))
    throw new RangeError(
      `constructionDepth ${cfg.constructionDepth} must be one of the depths ${cfg.depths.join(', ')}`,
    );
  const start = performance.now();
  const { xs, ys } = makeDataset(cfg.points);
  const d: Data = { x: tf.tensor2d(xs, [cfg.points, 1]), y: tf.tensor2d(ys, [cfg.points, 1]) };
  const total = FAMILIES.length * cfg.depths.length * cfg.steps + APPENDED_LAYERS.length * cfg.extraSteps;
  let done = 0;
  const sweep: SweepPoint[] = [];
  const kept: Partial<Record<Family, Mlp>> = {};
  const report = async (
    phase: Progress['phase'],
    family: Family,
    depth: number,
    steps: number,
    layer?: AppendedLayer,
  ) => {
    done += steps;
    opts.onProgress?.({ done, total, phase, family, depth, ...(layer ? { layer } : {}), finished: [...sweep] });
    await opts.yieldToPage?.();
    if (opts.cancelled?.()) throw new ExperimentCancelled();
  };
  try {
    for (const family of FAMILIES) {
      for (const depth of cfg.depths) {
        const net = createMlp(family, depth, cfg.width, cfg.seed);
        try {
          const initialLoss = await lossOf(net, d);
          const loss = await train(net, d, cfg.steps, cfg, (n) => report('sweep', family, depth, n));
          sweep.push({ family, depth, loss, initialLoss });
        } catch (e) {
          disposeMlp(net);
          throw e;
        }
        if (depth === cfg.constructionDepth) kept[family] = net;
        else disposeMlp(net);
      }
    }
    const predictions = {} as Record<Family, Float32Array>;
    for (const family of FAMILIES) predictions[family] = await predict(kept[family]!, d.x);
    const construction: ConstructionResult[] = [];
    for (const layer of APPENDED_LAYERS) {
      const family = familyOfLayer(layer);
      construction.push(
        await appendAndMeasure(kept[family]!, layer, d, predictions[family], cfg, (n) =>
          report('construction', family, cfg.constructionDepth, n, layer),
        ),
      );
    }
    return {
      config: cfg,
      sweep,
      construction,
      backend: tf.getBackend(),
      milliseconds: performance.now() - start,
      fit: { xs, ys, predictions },
    };
  } finally {
    Object.values(kept).forEach(disposeMlp);
    d.x.dispose();
    d.y.dispose();
  }
}

/**
 * Append a layer to a copy of a trained network, compare outputs, train the copy on.
 * `net` itself is left as it was, so every construction starts from the same network.
 */
async function appendAndMeasure(
  net: Mlp,
  layer: AppendedLayer,
  d: Data,
  before: Float32Array,
  cfg: ExperimentConfig,
  afterChunk: (n: number) => Promise<void>,
): Promise<ConstructionResult> {
  const lossBefore = await lossOf(net, d);
  const deeper = appendLayer(cloneMlp(net), layer, cfg.seed + 1);
  try {
    const after = await predict(deeper, d.x);
    let maxAbsChange = 0;
    for (let i = 0; i < after.length; i++) maxAbsChange = Math.max(maxAbsChange, Math.abs(after[i]! - before[i]!));
    const lossAfterAppend = await lossOf(deeper, d);
    const lossAfterTraining = await train(deeper, d, cfg.extraSteps, cfg, afterChunk);
    return {
      layer,
      family: net.family,
      depth: mlpDepth(net),
      lossBefore,
      lossAfterAppend,
      maxAbsChange,
      lossAfterTraining,
      extraSteps: cfg.extraSteps,
    };
  } finally {
    disposeMlp(deeper);
  }
}
