/**
 * The fast path for predictions that need no intermediates (`npm run eval`, a class
 * guess): a transform over any network's plan that folds each batch norm into the
 * convolution before it and runs tfjs's fused convolution with bias and ReLU.
 * What the stepper shows stays the notebook's own operations (`ResNet.plan`); this path
 * computes the same logits in fewer, larger kernels.
 *
 * Folding, per output channel c, with s = γ / √(running_var + ε):
 *     W'[…, c] = W[…, c] · s      b'[c] = (b[c] − running_mean[c]) · s + β[c]
 * It is exact in real arithmetic; in float32 the logits match the unfused pass to ~1e-6.
 */
import * as tf from '@tensorflow/tfjs-core';
import { BN_EPSILON, batchNorm, globalAvgPool, flatten, maxPool, nchwToNhwc, type ConvWeights } from './layers';
import { runPlan, type PlannedLayer, type PlannedOp } from './planRunner';

/** One operation of the fused plan: the path of the last original operation it stands for. */
export interface FusedOp {
  readonly path: string;
  readonly inputs: readonly string[];
  /** The original operations it replaces, e.g. `['b2.0.conv1', 'b2.0.bn1', 'b2.0.relu']`. */
  readonly replaces: readonly string[];
  readonly compute: (...inputs: tf.Tensor[]) => tf.Tensor;
}

/** A folded convolution (HWIO weights, with bias). */
function foldBatchNorm(conv: ConvWeights, bn: Extract<PlannedLayer, { kind: 'batchnorm' }>['weights']): ConvWeights {
  return tf.tidy(() => {
    const scale = tf.div(bn.weight, tf.sqrt(tf.add(bn.runningVar, BN_EPSILON)));
    return {
      weight: tf.mul(conv.weight, scale) as tf.Tensor4D,
      bias: tf.add(tf.mul(tf.sub(conv.bias, bn.runningMean), scale), bn.bias) as tf.Tensor1D,
    };
  });
}

/**
 * The network's plan with batch norm folded into convolutions and ReLU fused into them,
 * as a list of `FusedOp`s that end with the same output path. The operations read the
 * original weights where nothing was folded, so they are valid while the network lives;
 * `FusedNetwork` owns only the folded weights.
 */
export class FusedNetwork {
  private constructor(
    readonly ops: readonly FusedOp[],
    private readonly folded: readonly ConvWeights[],
    /** The path of the logits. */
    private readonly output: string,
  ) {}

  static fromPlan(plan: readonly PlannedOp[]): FusedNetwork {
    const readers = new Map<string, number>();
    for (const op of plan) for (const i of op.inputs) readers.set(i, (readers.get(i) ?? 0) + 1);
    // the only reader of `path`, if it has exactly one
    const soleReader = (path: string, at: number): PlannedOp | undefined => {
      const next = plan[at];
      return readers.get(path) === 1 && next && next.inputs.length === 1 && next.inputs[0] === path ? next : undefined;
    };
    const alias = new Map<string, string>();
    const source = (p: string) => alias.get(p) ?? p;
    const folded: ConvWeights[] = [];
    const ops: FusedOp[] = [];
    for (let i = 0; i < plan.length; i++) {
      const op = plan[i] as PlannedOp;
      const inputs = op.inputs.map(source);
      const l = op.layer;
      if (l.kind === 'conv') {
        let weights = l.weights;
        const replaces = [op.path];
        const bn = soleReader(op.path, i + 1);
        if (bn?.layer.kind === 'batchnorm') {
          weights = foldBatchNorm(weights, bn.layer.weights);
          folded.push(weights);
          replaces.push(bn.path);
        }
        const last = replaces[replaces.length - 1] as string;
        const act = soleReader(last, i + replaces.length);
        if (act?.layer.kind === 'relu') replaces.push(act.path);
        const activation = act?.layer.kind === 'relu' ? 'relu' : 'linear';
        const { stride, padding } = l;
        ops.push({
          path: replaces[replaces.length - 1] as string,
          inputs,
          replaces,
          compute: (x) =>
            tf.fused.conv2d({
              x: x as tf.Tensor4D,
              filter: weights.weight,
              strides: stride,
              pad: padding,
              bias: weights.bias,
              activation,
            }),
        });
        for (const r of replaces.slice(0, -1)) alias.set(r, replaces[replaces.length - 1] as string);
        i += replaces.length - 1;
        continue;
      }
      if (l.kind === 'add') {
        const act = soleReader(op.path, i + 1);
        const replaces = act?.layer.kind === 'relu' ? [op.path, act.path] : [op.path];
        const withRelu = replaces.length === 2;
        ops.push({
          path: replaces[replaces.length - 1] as string,
          inputs,
          replaces,
          compute: (y, x) =>
            withRelu ? tf.relu(tf.add(y as tf.Tensor, x as tf.Tensor)) : tf.add(y as tf.Tensor, x as tf.Tensor),
        });
        if (withRelu) alias.set(op.path, replaces[1] as string);
        i += replaces.length - 1;
        continue;
      }
      ops.push({ path: op.path, inputs, replaces: [op.path], compute: unfused(l, op) });
    }
    const output = plan[plan.length - 1]?.path ?? 'linear';
    return new FusedNetwork(ops, folded, output);
  }

  /** Logits for an (N, 1, H, W) input. The caller owns the returned tensor. */
  forward(xNCHW: tf.Tensor4D): tf.Tensor2D {
    return tf.tidy(() => {
      const values = runPlan(this.ops, new Map([['input', nchwToNhwc(xNCHW)]]));
      return values.get(this.output) as tf.Tensor2D;
    });
  }

  /** Disposes the folded weights (the network keeps its own). */
  dispose(): void {
    tf.dispose(this.folded.flatMap((w) => [w.weight, w.bias]));
  }
}

/** Operations kept as they are; the linear layer uses the fused matrix product with bias. */
function unfused(l: PlannedLayer, op: PlannedOp): FusedOp['compute'] {
  const t4 = (t: tf.Tensor) => t as tf.Tensor4D;
  switch (l.kind) {
    case 'linear':
      return (x) => tf.fused.matMul({ a: x as tf.Tensor2D, b: l.weight, bias: l.bias });
    case 'batchnorm':
      return (x) => batchNorm(t4(x), l.weights);
    case 'maxpool':
      return (x) => maxPool(t4(x), l.kernel, l.stride, l.padding);
    case 'avgpool':
      return (x) => globalAvgPool(t4(x));
    case 'flatten':
      return (x) => flatten(t4(x));
    default:
      return op.compute;
  }
}
