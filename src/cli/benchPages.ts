/**
 * What the bench's test pages (e2e/pages/) offer on `window`: the contracts between the pages,
 * which run in the browser, and `npm run bench` (src/cli/benchBrowser.ts, benchTrain.ts), which
 * drives them. Said here so that nothing in src/ imports from e2e/.
 */
import type { TrainStepTiming } from '../explain/race/stepTiming';
import type { RaceNetSpec } from '../model/raceNet';

export type Timed = 'forward' | 'fused' | 'capture' | 'capture-sync';

export interface ModelPage {
  /**
   * Start `backend` (no fallback) and load the shipped weights; says what really runs.
   * `threads`: WebAssembly threads (default: tfjs's choice, half the cores, at most 4).
   */
  start(backend: string, threads?: number): Promise<{ backend: string; threads: number }>;
  /** The outputs of `nodes` (flat NCHW) for one (N, C, H, W) input. */
  stages(input: number[], shape: readonly number[], nodes: readonly string[]): Promise<Record<string, number[]>>;
  /**
   * Median milliseconds of `runs` warm runs of each of `whats`, interleaved, after one warm-up
   * run of each (shaders compile); fewer runs (at least one) once `budgetMs` has been spent.
   */
  time(
    whats: readonly Timed[],
    size: number,
    runs: number,
    budgetMs?: number,
  ): Promise<{ what: Timed; ms: number; all: number[] }[]>;
  /** Where a full trace's time goes, operation by operation. */
  profile(size: number): Promise<OpProfile>;
}

export interface OpProfile {
  readonly backend: string;
  readonly size: number;
  /** Milliseconds, median of 5 (after 2 warm-up runs). */
  readonly forward: number;
  readonly traceAllAtOnce: number;
  readonly traceStepwise: number;
  /** The sum of the operations timed one by one (each in its own tf.tidy). */
  readonly sumOfOps: number;
  /** Per kind of operation (conv, batchnorm, relu, add, …): count and milliseconds. */
  readonly byKind: Record<string, { count: number; ms: number }>;
  /** The ten slowest operations. */
  readonly slowest: { path: string; kind: string; ms: number }[];
}

export interface OrtPage {
  /** Load the model on `provider` ('wasm' or 'webgpu') with `threads` WebAssembly threads. */
  start(modelUrl: string, provider: string, threads: number): Promise<{ provider: string; threads: number }>;
  /**
   * Median milliseconds of `runs` runs on a (1, 1, size, size) input, after one warm-up run;
   * fewer runs (at least one) once `budgetMs` has been spent.
   */
  time(size: number, runs: number, budgetMs?: number): Promise<{ ms: number; all: number[] }>;
}

export interface TrainPage {
  /** Start `backend` (no fallback) and load the race's images; says what really runs. */
  start(backend: string, threads?: number): Promise<{ backend: string; threads: number }>;
  /** Median milliseconds of `runs` training steps (after warm-up ones), fewer once `budgetMs` is spent. */
  time(spec: RaceNetSpec, batch: number, runs: number, budgetMs: number): Promise<TrainStepTiming>;
}
