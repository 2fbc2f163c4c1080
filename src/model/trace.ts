/**
 * Tracing: a forward pass that keeps the output of every operation, like stepping
 * through the seed's code in a debugger.
 */
import * as tf from '@tensorflow/tfjs-core';
import { resnet18Nodes } from './architecture';
import { nhwcToNchw, toNCHWShape } from './layers';
import type { ResNet18 } from './network';
import type { NodeInfo, PlainTensor } from './types';

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
 * Run ResNet-18 on an (N, 1, H, W) input and keep every operation's output.
 * The input tensor stays the caller's; the trace owns everything else.
 */
export function traceForward(net: ResNet18, xNCHW: tf.Tensor4D): Trace {
  const infos = resnet18Nodes(xNCHW.shape);
  const recorded = new Map<string, tf.Tensor>();
  const probabilities = tf.tidy(() => {
    const logits = net.run(xNCHW, (path, t) => {
      recorded.set(path, tf.keep(t));
    });
    return tf.softmax(logits);
  });
  const nodes = infos.map((info): TracedNode => {
    const tensor = recorded.get(info.path);
    if (!tensor) throw new Error(`The forward pass did not produce "${info.path}"`);
    const shape = toNCHWShape(tensor.shape);
    if (!tf.util.arraysEqual(shape, info.shape as number[])) {
      throw new Error(`"${info.path}" has shape (${shape.join(', ')}), expected (${info.shape.join(', ')})`);
    }
    return { ...info, tensor };
  });
  return new Trace(nodes, probabilities);
}

/** Copy a traced tensor out of tfjs in (N, C, H, W) order (or (N, F)). Never blocks the page. */
export async function readNCHW(t: tf.Tensor): Promise<PlainTensor> {
  if (t.rank !== 4) return { shape: [...t.shape], data: (await t.data()) as Float32Array };
  const nchw = nhwcToNchw(t as tf.Tensor4D);
  try {
    return { shape: [...nchw.shape], data: (await nchw.data()) as Float32Array };
  } finally {
    nchw.dispose();
  }
}

/** Logits and probabilities of a trace as plain arrays, one row per sample. */
export async function readPredictions(trace: Trace): Promise<{ logits: number[][]; probabilities: number[][] }> {
  const [logits, probabilities] = await Promise.all([trace.logits.array(), trace.probabilities.array()]);
  return { logits, probabilities };
}
