/**
 * The one way to run a plan of operations: the network's forward pass, the traced
 * forward that yields to the page, the block lab's statement-by-statement run, the
 * backend race's warm-up and the fused fast path all call `runPlan` or `runPlanStepwise`.
 * A plan is a list of operations, each naming the values it reads; the runner keeps every
 * value by path.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BatchNormWeights, ConvWeights } from './layers';

/**
 * What an operation of a plan is, with the weights it uses (tfjs layout), so a transform
 * over the plan (e.g. folding batch norm into the convolution before it) can rebuild it.
 */
export type PlannedLayer =
  | { readonly kind: 'conv'; readonly weights: ConvWeights; readonly stride: number; readonly padding: number }
  | { readonly kind: 'batchnorm'; readonly weights: BatchNormWeights }
  | { readonly kind: 'relu' }
  | { readonly kind: 'add' }
  | { readonly kind: 'maxpool'; readonly kernel: number; readonly stride: number; readonly padding: number }
  | { readonly kind: 'avgpool' }
  | { readonly kind: 'flatten' }
  | { readonly kind: 'linear'; readonly weight: tf.Tensor2D; readonly bias: tf.Tensor1D };

/** What the runner needs of an operation: its path, the paths it reads, and how to compute it. */
export interface RunnableOp {
  readonly path: string;
  readonly inputs: readonly string[];
  /** Computes the output from the inputs' tensors; the runner calls it inside `tf.tidy`. */
  readonly compute: (...inputs: tf.Tensor[]) => tf.Tensor;
}

/** One operation of a forward pass: its path, the paths it reads, what it is and how to compute it. */
export interface PlannedOp extends RunnableOp {
  readonly layer: PlannedLayer;
}

/** Called with each output (NHWC or (N, F)) and its path. */
export type Recorder = (path: string, tensor: tf.Tensor) => void;

function argsOf(op: RunnableOp, values: ReadonlyMap<string, tf.Tensor>): tf.Tensor[] {
  return op.inputs.map((i) => {
    const v = values.get(i);
    if (!v) throw new Error(`"${op.path}" needs "${i}", which has not been computed`);
    return v;
  });
}

/**
 * Run a plan at once on named starting tensors; `record` sees every output. Call inside
 * `tf.tidy`: the outputs are the caller's tidy's.
 */
export function runPlan(
  ops: readonly RunnableOp[],
  start: ReadonlyMap<string, tf.Tensor>,
  record?: Recorder,
): Map<string, tf.Tensor> {
  const values = new Map(start);
  for (const op of ops) {
    const out = op.compute(...argsOf(op, values));
    values.set(op.path, out);
    record?.(op.path, out);
  }
  return values;
}

/**
 * Let the page paint and handle input (or a worker its messages) between operations.
 * A message to itself rather than `setTimeout(0)`: browsers clamp nested timeouts to
 * 4 ms, which a long run that yields often would pay at every turn.
 */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** The error a cancelled run throws. */
export function cancelled(what = 'The run was cancelled'): DOMException {
  return new DOMException(what, 'AbortError');
}

export interface StepwiseOptions {
  /** Called after each operation with how many of how many are done and the last path. */
  readonly onProgress?: (done: number, total: number, path: string) => void;
  /**
   * Called with each output once it is computed, and awaited (read it out, wait for the
   * backend, stop the run by throwing).
   */
  readonly onOutput?: (path: string, tensor: tf.Tensor) => void | Promise<void>;
  /** Stop early (the input changed): throws an `AbortError`; everything computed so far is disposed. */
  readonly signal?: AbortSignal;
  /** Give the page a turn whenever this many milliseconds of work have run (default 30; 0: after every operation). */
  readonly sliceMs?: number;
  /** How to give the page a turn (default `yieldToPage`; tests pass one that returns at once). */
  readonly yieldTurn?: () => Promise<void>;
  /** Run only the first operations. */
  readonly maxSteps?: number;
}

/**
 * Run a plan one operation at a time, each in its own `tf.tidy`, giving the page a turn
 * between them, so a CPU backend never freezes the page for a whole pass and progress can
 * be shown. Resolves with every value by path (the starting tensors among them); the
 * tensors it computed are the caller's. On an error or a cancellation it disposes them
 * (never the starting tensors) and rethrows.
 */
export async function runPlanStepwise(
  ops: readonly RunnableOp[],
  start: ReadonlyMap<string, tf.Tensor>,
  opts: StepwiseOptions = {},
): Promise<Map<string, tf.Tensor>> {
  const values = new Map(start);
  const computed: tf.Tensor[] = [];
  const sliceMs = opts.sliceMs ?? 30;
  const yieldTurn = opts.yieldTurn ?? yieldToPage;
  const steps = ops.slice(0, opts.maxSteps ?? ops.length);
  try {
    let since = performance.now();
    for (const [i, op] of steps.entries()) {
      if (opts.signal?.aborted) throw cancelled();
      const args = argsOf(op, values);
      const out = tf.tidy(() => op.compute(...args));
      computed.push(out);
      values.set(op.path, out);
      await opts.onOutput?.(op.path, out);
      opts.onProgress?.(i + 1, steps.length, op.path);
      if (performance.now() - since >= sliceMs) {
        await yieldTurn();
        since = performance.now();
      }
    }
    return values;
  } catch (e) {
    tf.dispose(computed);
    throw e;
  }
}
