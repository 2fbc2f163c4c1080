/**
 * The depth experiment's set-up and results as plain data, with no tfjs: what the page
 * needs to describe, chart and count the experiment without loading the training code
 * (which runs in a Web Worker).
 */

export type Family = 'plain' | 'residual';
export const FAMILIES: readonly Family[] = ['plain', 'residual'];

/** Number of trainable numbers of a network, without building it (for the page's text). */
export function parameterCount(family: Family, depth: number, width: number): number {
  const perAdded = (family === 'residual' ? 2 : 1) * (width * width + width);
  return 2 * width + (width + 1) + (depth - 1) * perAdded;
}

export interface ExperimentConfig {
  /** Depths to try (number of layers before the output layer). */
  readonly depths: readonly number[];
  readonly width: number;
  /** Adam steps per network (full batch). */
  readonly steps: number;
  readonly learningRate: number;
  readonly seed: number;
  /** Training points, evenly spaced on [−2, 2]. */
  readonly points: number;
  /** Depth of the trained network used for the nested construction (one of `depths`). */
  readonly constructionDepth: number;
  /** Adam steps after appending a layer (each construction). */
  readonly extraSteps: number;
  /** Steps between progress reports (and yields to the page). */
  readonly chunk: number;
}

export const DEFAULT_EXPERIMENT: ExperimentConfig = {
  depths: [1, 2, 4, 8, 16, 32],
  width: 24,
  steps: 200,
  // 0.01 let the deepest networks of both families blow up now and then; 0.003 trains all depths.
  learningRate: 0.003,
  seed: 7,
  points: 64,
  constructionDepth: 8,
  extraSteps: 100,
  chunk: 25,
};

/**
 * The experiment with `steps` Adam steps per network instead of the default's (0: the default):
 * a shorter run, chosen through the link (`fsteps`), for a slow laptop or a test. The
 * construction's extra steps shrink in proportion; the page states the steps it used.
 */
export function experimentWithSteps(steps: number, base: ExperimentConfig = DEFAULT_EXPERIMENT): ExperimentConfig {
  if (!steps || steps === base.steps) return base;
  const ratio = steps / base.steps;
  return {
    ...base,
    steps,
    extraSteps: Math.max(1, Math.round(base.extraSteps * ratio)),
    chunk: Math.min(base.chunk, steps),
  };
}

/** The target the networks fit: sin(3x) + 0.3·x², on [−2, 2]. */
export function target(x: number): number {
  return Math.sin(3 * x) + 0.3 * x * x;
}

/** `n` evenly spaced inputs on [−2, 2] and the target at each. */
export function makeDataset(n: number): { xs: Float32Array; ys: Float32Array } {
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = -2 + (4 * i) / (n - 1);
    ys[i] = target(xs[i]!);
  }
  return { xs, ys };
}

/** Final training loss of one network. */
export interface SweepPoint {
  readonly family: Family;
  readonly depth: number;
  /** Mean squared error on the training points after the last step. */
  readonly loss: number;
  /** Loss at the start, for comparison. */
  readonly initialLoss: number;
}

/**
 * The layers the nested construction appends to a trained network, each of which the
 * deeper network starts with:
 * - `residualZero`: a residual block whose last layer (W₂, b₂) is zero: the identity;
 * - `plainZero`: a plain layer whose weights and bias are zero: it outputs 0;
 * - `plainIdentity`: a plain layer with W = I, b = 0: relu(I·h) = h for h ≥ 0, the identity;
 * - `plainRandom`: a plain layer started like every plain layer of the sweep (He, random).
 */
export type AppendedLayer = 'residualZero' | 'plainZero' | 'plainIdentity' | 'plainRandom';
export const APPENDED_LAYERS: readonly AppendedLayer[] = ['residualZero', 'plainZero', 'plainIdentity', 'plainRandom'];

/** The family of the network a layer is appended to. */
export function familyOfLayer(layer: AppendedLayer): Family {
  return layer === 'residualZero' ? 'residual' : 'plain';
}

/** What appending one layer did to a trained network. */
export interface ConstructionResult {
  readonly layer: AppendedLayer;
  readonly family: Family;
  /** Depth before appending. */
  readonly depth: number;
  readonly lossBefore: number;
  readonly lossAfterAppend: number;
  /** Largest |change| of any output on the training points. */
  readonly maxAbsChange: number;
  /** Loss after `extraSteps` more steps of training the deeper network. */
  readonly lossAfterTraining: number;
  readonly extraSteps: number;
}

export interface ExperimentResult {
  readonly config: ExperimentConfig;
  readonly sweep: readonly SweepPoint[];
  readonly construction: readonly ConstructionResult[];
  /** The tfjs backend it ran on. */
  readonly backend: string;
  readonly milliseconds: number;
  /** The training points and, per family, the fit of the construction-depth network. */
  readonly fit: {
    readonly xs: Float32Array;
    readonly ys: Float32Array;
    readonly predictions: Record<Family, Float32Array>;
  };
}

export interface Progress {
  /** Steps done and to do, over the whole experiment. */
  readonly done: number;
  readonly total: number;
  /** The network being trained (`construction`: the appended-layer part). */
  readonly phase: 'sweep' | 'construction';
  readonly family: Family;
  readonly depth: number;
  /** In the construction phase, the layer being appended. */
  readonly layer?: AppendedLayer;
  /** Networks finished so far, so a chart can grow while it runs. */
  readonly finished: readonly SweepPoint[];
}
