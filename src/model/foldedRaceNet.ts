/**
 * A trained race network in evaluation mode with each batch norm folded into the convolution
 * before it, whose conv and linear weights move on a plane: w + a·δ + b·η. For the loss
 * landscape (./landscape.ts), where every grid point runs the whole network once.
 *
 * Evaluation-mode batch norm is a per-channel affine map: with s = γ/√(var + ε),
 * bn(conv(x; w) + c) = conv(x; w·s) + (c − μ)·s + β. The directions leave c, γ, β (and the
 * running statistics) alone, so s and the folded bias are the same at every point, and
 * (w + a·δ + b·η)·s = w·s + a·(δ·s) + b·(η·s): the three are folded once, when the plane is
 * set up, and each point runs fused convolutions (bias and ReLU in one kernel) with no batch
 * norm op.
 */
import * as tf from '@tensorflow/tfjs-core';
import { BN_EPSILON } from './layers';
import type { RaceNet } from './raceNet';

/** A weight on the plane: `base + a·dx + b·dy`. */
interface MovingWeight<R extends tf.Rank> {
  readonly base: tf.Tensor<R>;
  readonly dx: tf.Tensor<R>;
  readonly dy: tf.Tensor<R>;
}

interface FoldedConv extends MovingWeight<tf.Rank.R4> {
  readonly bias: tf.Tensor1D;
  readonly stride: number;
  readonly pad: number;
}

interface FoldedBlock {
  readonly conv1: FoldedConv;
  readonly conv2: FoldedConv;
  readonly conv3?: FoldedConv;
  readonly shortcut: boolean;
}

/** Directions by parameter name (`stem.conv.weight`, …) in tfjs's layout. */
export type PlaneDirections = ReadonlyMap<string, readonly [Float32Array, Float32Array]>;

type Conv = { readonly weight: tf.Variable<tf.Rank.R4>; readonly bias: tf.Variable<tf.Rank.R1> };
type Norm = {
  readonly gamma: tf.Variable<tf.Rank.R1>;
  readonly beta: tf.Variable<tf.Rank.R1>;
  readonly runningMean: tf.Variable<tf.Rank.R1>;
  readonly runningVar: tf.Variable<tf.Rank.R1>;
};

/**
 * `net` folded, on the plane of `directions` (every conv and linear weight must have one). The
 * network is read, never changed; the result owns its tensors: call `dispose`.
 */
export class FoldedRaceNet {
  private readonly stem: FoldedConv;
  private readonly blocks: FoldedBlock[];
  private readonly linear: MovingWeight<tf.Rank.R2> & { readonly bias: tf.Tensor1D };

  constructor(net: RaceNet, directions: PlaneDirections) {
    const along = (name: string, shape: readonly number[]) => {
      const d = directions.get(name);
      if (!d) throw new Error(`no direction for ${name}`);
      return [tf.tensor(d[0], [...shape]), tf.tensor(d[1], [...shape])] as const;
    };
    const fold = (name: string, conv: Conv, stride: number, pad: number, bn?: Norm): FoldedConv =>
      tf.tidy(() => {
        const [dx, dy] = along(`${name}.weight`, conv.weight.shape);
        if (!bn)
          return {
            base: tf.clone(conv.weight) as tf.Tensor4D,
            dx: dx as tf.Tensor4D,
            dy: dy as tf.Tensor4D,
            bias: tf.clone(conv.bias) as tf.Tensor1D,
            stride,
            pad,
          };
        // s scales the last axis, the output channel, in tfjs's [kh, kw, c_in, c_out]
        const s = tf.div(bn.gamma, tf.sqrt(tf.add(bn.runningVar, BN_EPSILON)));
        return {
          base: tf.mul(conv.weight, s) as tf.Tensor4D,
          dx: tf.mul(dx, s) as tf.Tensor4D,
          dy: tf.mul(dy, s) as tf.Tensor4D,
          bias: tf.add(tf.mul(tf.sub(conv.bias, bn.runningMean), s), bn.beta) as tf.Tensor1D,
          stride,
          pad,
        };
      });
    this.stem = fold('stem.conv', net.stem.conv, 1, 1, net.stem.bn);
    this.blocks = net.blocks.map((b, i) => ({
      conv1: fold(`blocks.${i}.conv1`, b.conv1, b.block.strides, 1, b.bn1),
      conv2: fold(`blocks.${i}.conv2`, b.conv2, 1, 1, b.bn2),
      ...(b.conv3 ? { conv3: fold(`blocks.${i}.conv3`, b.conv3, b.block.strides, 0) } : {}),
      shortcut: b.block.shortcut,
    }));
    const [dx, dy] = along('linear.weight', net.linear.weight.shape);
    this.linear = {
      base: tf.clone(net.linear.weight),
      dx: dx as tf.Tensor2D,
      dy: dy as tf.Tensor2D,
      bias: tf.clone(net.linear.bias),
    };
  }

  /** Evaluation-mode logits at w + a·δ + b·η for images (N, 28, 28, 1) in [0, 1]. The caller owns the result. */
  logitsAt(x: tf.Tensor4D, a: number, b: number): tf.Tensor2D {
    return tf.tidy(() => {
      const at = <R extends tf.Rank>(m: MovingWeight<R>): tf.Tensor<R> =>
        tf.add(m.base, tf.add(tf.mul(m.dx, a), tf.mul(m.dy, b)));
      const conv = (h: tf.Tensor4D, c: FoldedConv, activation: 'relu' | 'linear') =>
        tf.fused.conv2d({ x: h, filter: at(c), strides: c.stride, pad: c.pad, bias: c.bias, activation });
      let h = conv(x, this.stem, 'relu');
      for (const blk of this.blocks) {
        const y1 = conv(h, blk.conv1, 'relu');
        if (!blk.shortcut) h = conv(y1, blk.conv2, 'relu');
        else
          h = tf.relu(
            tf.add(conv(y1, blk.conv2, 'linear'), blk.conv3 ? conv(h, blk.conv3, 'linear') : h),
          ) as tf.Tensor4D;
      }
      const features = tf.reshape(tf.mean(h, [1, 2]), [x.shape[0], -1]) as tf.Tensor2D;
      return tf.add(tf.matMul(features, at(this.linear)), this.linear.bias);
    });
  }

  dispose(): void {
    const all = [this.stem, ...this.blocks.flatMap((b) => [b.conv1, b.conv2, ...(b.conv3 ? [b.conv3] : [])])];
    tf.dispose(all.flatMap((c) => [c.base, c.dx, c.dy, c.bias]));
    tf.dispose([this.linear.base, this.linear.dx, this.linear.dy, this.linear.bias]);
  }
}
