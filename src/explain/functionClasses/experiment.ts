/**
 * The depth experiment: fit a 1-D target with plain and residual networks of growing
 * depth (same width, optimiser, steps and seed), then the nested construction: append
 * a layer (a zero residual block; a plain layer of zeros, of the identity, or random) to
 * a trained network, measure what changes, and train on. Plain TypeScript on tfjs-core:
 * it runs in Node (tests), in a Web Worker (the page) or on the main thread.
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
  layerVariables,
  mlpDepth,
  mlpVariables,
  type Family,
  type Mlp,
} from './mlp';
import {
  endTraining,
  lossOf,
  predict,
  resumeTraining,
  startTraining,
  trainSteps,
  type Data,
  type Training,
} from './training';

export { lossOf, predict, train } from './training';

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
  const kept: Partial<Record<Family, Trained>> = {};
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
        const training = startTraining(net, cfg.learningRate);
        try {
          const initialLoss = await lossOf(net, d);
          const loss = await trainSteps(training, net, d, cfg.steps, cfg.chunk, (n) =>
            report('sweep', family, depth, n),
          );
          sweep.push({ family, depth, loss, initialLoss });
        } catch (e) {
          endTraining(training);
          disposeMlp(net);
          throw e;
        }
        // The construction resumes this network's training, so its optimiser is kept too.
        if (depth === cfg.constructionDepth) kept[family] = { net, training };
        else {
          endTraining(training);
          disposeMlp(net);
        }
      }
    }
    const predictions = {} as Record<Family, Float32Array>;
    for (const family of FAMILIES) predictions[family] = await predict(kept[family]!.net, d.x);
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
    for (const k of Object.values(kept)) {
      endTraining(k.training);
      disposeMlp(k.net);
    }
    d.x.dispose();
    d.y.dispose();
  }
}

/** A trained network of the construction depth and the optimiser that trained it. */
interface Trained {
  readonly net: Mlp;
  readonly training: Training;
}

/**
 * Append a layer to a copy of a trained network, compare outputs, and carry on training
 * the copy where its training stopped (the appended layer's Adam state starts fresh).
 * The trained network itself is left as it was, so every construction starts from it.
 */
async function appendAndMeasure(
  trained: Trained,
  layer: AppendedLayer,
  d: Data,
  before: Float32Array,
  cfg: ExperimentConfig,
  afterChunk: (n: number) => Promise<void>,
): Promise<ConstructionResult> {
  const lossBefore = await lossOf(trained.net, d);
  const copy = cloneMlp(trained.net);
  const deeper = appendLayer(copy, layer, cfg.seed + 1);
  let training: Training | undefined;
  try {
    const after = await predict(deeper, d.x);
    let maxAbsChange = 0;
    for (let i = 0; i < after.length; i++) maxAbsChange = Math.max(maxAbsChange, Math.abs(after[i]! - before[i]!));
    const lossAfterAppend = await lossOf(deeper, d);
    const added = layerVariables(deeper.added.at(-1)!);
    training = await resumeTraining(trained.training, mlpVariables(copy), added, cfg.learningRate);
    const lossAfterTraining = await trainSteps(training, deeper, d, cfg.extraSteps, cfg.chunk, afterChunk);
    return {
      layer,
      family: trained.net.family,
      depth: mlpDepth(trained.net),
      lossBefore,
      lossAfterAppend,
      maxAbsChange,
      lossAfterTraining,
      extraSteps: cfg.extraSteps,
    };
  } finally {
    if (training) endTraining(training);
    disposeMlp(deeper);
  }
}
