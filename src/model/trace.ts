/**
 * Tracing: a forward pass that keeps the output of every operation, like stepping
 * through the notebook's code in a debugger.
 */
import * as tf from '@tensorflow/tfjs-core';
import { archNodes } from './architecture';
import { dropResidualBranch } from './lesion';
import { nchwToNhwc, toNCHWShape } from './layers';
import type { ResNet } from './network';
import type { NodeInfo, PlainTensor } from './types';
import { cancelled, runPlanStepwise, type StepwiseOptions as RunnerOptions } from './planRunner';

export { yieldToPage } from './planRunner';

/** One traced operation: its static description and its output tensor (NHWC or (N, F)). */
export interface TracedNode extends NodeInfo {
  readonly tensor: tf.Tensor;
}

/** Every operation's output for one input. Owns its tensors until `dispose()`. */
export class Trace {
  private readonly byPath: Map<string, TracedNode>;
  private disposed = false;

  constructor(
    readonly nodes: readonly TracedNode[],
    /** Softmax of the logits, one row per sample. Owned by the trace. */
    readonly probabilities: tf.Tensor2D,
  ) {
    this.byPath = new Map(nodes.map((n) => [n.path, n]));
  }

  get(path: string): TracedNode {
    const n = this.byPath.get(path);
    if (!n) throw new Error(`No traced node "${path}"`);
    return n;
  }

  get logits(): tf.Tensor2D {
    return this.get('linear').tensor as tf.Tensor2D;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose([...this.nodes.map((n) => n.tensor), this.probabilities]);
  }
}

/**
 * Run the network on an (N, 1, H, W) input and keep every operation's output.
 * The input tensor stays the caller's; the trace owns everything else.
 */
export function traceForward(net: ResNet, xNCHW: tf.Tensor4D): Trace {
  const infos = archNodes(net.arch, xNCHW.shape);
  const recorded = new Map<string, tf.Tensor>();
  const probabilities = tf.tidy(() => {
    const logits = net.run(xNCHW, (path, t) => {
      recorded.set(path, tf.keep(t));
    });
    return tf.softmax(logits);
  });
  return new Trace(tracedNodes(infos, recorded), probabilities);
}

/** Pair every node of the architecture with the tensor the pass produced for it, checking its shape. */
function tracedNodes(infos: readonly NodeInfo[], values: ReadonlyMap<string, tf.Tensor>): TracedNode[] {
  return infos.map((info): TracedNode => {
    const tensor = values.get(info.path);
    if (!tensor) throw new Error(`The forward pass did not produce "${info.path}"`);
    const shape = toNCHWShape(tensor.shape);
    if (!tf.util.arraysEqual(shape, info.shape as number[])) {
      throw new Error(`"${info.path}" has shape (${shape.join(', ')}), expected (${info.shape.join(', ')})`);
    }
    return { ...info, tensor };
  });
}

/** How a stepwise trace reports progress, is cancelled, and how often it gives the page a turn. */
export type StepwiseOptions = Pick<RunnerOptions, 'onProgress' | 'signal' | 'sliceMs'> & {
  /** A residual block to step through removed (`b3.0`): its branch is computed but not added (lesion.ts). */
  readonly removed?: string;
};

/**
 * `traceForward`, one operation at a time through the plan runner, giving the page a turn
 * between them, so a CPU backend (WASM) never freezes the page for a whole forward pass
 * and progress can be shown. Same operations, same results.
 */
export async function traceForwardStepwise(
  net: ResNet,
  xNCHW: tf.Tensor4D,
  opts: StepwiseOptions = {},
): Promise<Trace> {
  const infos = archNodes(net.arch, xNCHW.shape);
  const plan = opts.removed ? dropResidualBranch(net.plan(), opts.removed) : net.plan();
  const input = tf.tidy(() => nchwToNhwc(xNCHW));
  let values: Map<string, tf.Tensor>;
  try {
    values = await runPlanStepwise(plan, new Map([['input', input]]), opts);
  } catch (e) {
    input.dispose();
    if (e instanceof DOMException && e.name === 'AbortError') throw cancelled('The trace was cancelled');
    throw e;
  }
  try {
    const nodes = tracedNodes(infos, values);
    return new Trace(
      nodes,
      tf.tidy(() => tf.softmax(values.get('linear') as tf.Tensor2D)),
    );
  } catch (e) {
    tf.dispose([...values.values()]);
    throw e;
  }
}

/** Copy a traced tensor out of tfjs in (N, C, H, W) order (or (N, F)). Never blocks the page. */
export async function readNCHW(t: tf.Tensor): Promise<PlainTensor> {
  const data = (await t.data()) as Float32Array;
  if (t.rank !== 4) return { shape: [...t.shape], data };
  // reordered here rather than by a tfjs op: a read runs on the tensor's own backend, whichever is current
  const [n, h, w, c] = t.shape as [number, number, number, number];
  const out = new Float32Array(data.length);
  for (let s = 0; s < n; s++)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const from = ((s * h + y) * w + x) * c;
        for (let ch = 0; ch < c; ch++) out[((s * c + ch) * h + y) * w + x] = data[from + ch] as number;
      }
  return { shape: [n, c, h, w], data: out };
}

/** Logits and probabilities of a trace as plain arrays, one row per sample. */
export async function readPredictions(trace: Trace): Promise<{ logits: number[][]; probabilities: number[][] }> {
  const [logits, probabilities] = await Promise.all([trace.logits.array(), trace.probabilities.array()]);
  return { logits, probabilities };
}
