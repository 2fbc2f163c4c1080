/**
 * Small fully connected networks for the depth experiment, in two families of the same
 * width: `plain`, where every added layer is dense + ReLU, and `residual`, where every
 * added layer is a block relu(x + g(x)) with g(x) = W₂·relu(W₁·x + b₁) + b₂, the
 * notebook's `Residual` with dense layers for convolutions and no batch norm. The last
 * layer of every branch (W₂, b₂) starts at zero, so every residual network starts as
 * its first layer followed by identities (x ≥ 0 after a ReLU, so relu(x + 0) = x).
 * (A plain layer is the identity too, but only at W = I, b = 0: see `appendLayer`.)
 * Weights come from a seeded generator, not from tfjs's random ops, so every backend
 * starts from the same numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone has no gradients; training needs them registered.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { mulberry32 } from '../../model/random';
import { familyOfLayer, type AppendedLayer, type Family } from './experimentSetup';

export { FAMILIES, parameterCount, type Family } from './experimentSetup';

/** One dense layer y = x·W + b, owned by the network it belongs to. */
export interface Dense {
  readonly w: tf.Variable;
  readonly b: tf.Variable;
}

/**
 * k added layers of the same width, stored as one variable each for weights (k, W, W)
 * and biases (k, W): the optimiser then does a few large updates per step instead of
 * many small ones, which on WASM or a GPU is what costs the time.
 */
export interface LayerStack {
  readonly w: tf.Variable<tf.Rank.R3>;
  readonly b: tf.Variable<tf.Rank.R2>;
  /** Residual blocks only: the branch's last layer (W₂, b₂). */
  readonly out?: { readonly w: tf.Variable<tf.Rank.R3>; readonly b: tf.Variable<tf.Rank.R2> };
  readonly count: number;
}

/**
 * A network of depth d: a first layer 1 → width (dense + ReLU), d − 1 added layers
 * (plain or residual) in one or more stacks, and a last layer width → 1. The caller
 * owns it: `disposeMlp`.
 */
export interface Mlp {
  readonly family: Family;
  readonly first: Dense;
  readonly added: readonly LayerStack[];
  readonly last: Dense;
}

/** Normal samples (Box–Muller) from a seeded uniform generator. */
function normals(n: number, std: number, next: () => number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const t = 2 * Math.PI * next();
    out[i] = r * Math.cos(t) * std;
    if (i + 1 < n) out[i + 1] = r * Math.sin(t) * std;
  }
  return out;
}

/** Weights drawn He-style (normal, std √(2/fan-in)), or all zeros. */
function weights(shape: number[], fanIn: number, next: (() => number) | 'zeros'): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return next === 'zeros' ? tf.zeros(shape) : tf.tensor(normals(n, Math.sqrt(2 / fanIn), next), shape);
}

function variable<R extends tf.Rank>(t: tf.Tensor): tf.Variable<R> {
  const v = tf.variable(t) as tf.Variable<R>;
  t.dispose();
  return v;
}

function dense(fanIn: number, fanOut: number, next: () => number): Dense {
  return { w: variable(weights([fanIn, fanOut], fanIn, next)), b: variable(tf.zeros([fanOut])) };
}

function stack(count: number, width: number, next: (() => number) | 'zeros', withZeroOut: boolean): LayerStack {
  const layer = () => ({ b: variable<tf.Rank.R2>(tf.zeros([count, width])) });
  const w = variable<tf.Rank.R3>(weights([count, width, width], width, next));
  if (!withZeroOut) return { w, ...layer(), count };
  return { w, ...layer(), out: { w: variable<tf.Rank.R3>(tf.zeros([count, width, width])), ...layer() }, count };
}

/**
 * A network of `depth` layers (1 ≤ depth) and `width` units, weights from `seed`.
 * Both families draw the first and last layers from the same numbers, so at depth 1
 * they are the same network.
 */
export function createMlp(family: Family, depth: number, width: number, seed: number): Mlp {
  if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`depth must be a whole number ≥ 1, not ${depth}`);
  const next = mulberry32(seed);
  const first = dense(1, width, next);
  const last = dense(width, 1, next);
  const added = depth > 1 ? [stack(depth - 1, width, next, family === 'residual')] : [];
  return { family, first, added, last };
}

/** The network's depth: its first layer plus the added ones. */
export function mlpDepth(net: Mlp): number {
  return 1 + net.added.reduce((n, s) => n + s.count, 0);
}

/** The trainable variables of one layer or stack (a residual stack's branch included). */
export function layerVariables(l: Dense | LayerStack): tf.Variable[] {
  return 'out' in l && l.out ? [l.w, l.b, l.out.w, l.out.b] : [l.w, l.b];
}

/** Every trainable variable of a network. */
export function mlpVariables(net: Mlp): tf.Variable[] {
  return [net.first, ...net.added, net.last].flatMap(layerVariables);
}

/** Number of trainable numbers. */
export function mlpParameterCount(net: Mlp): number {
  return mlpVariables(net).reduce((n, v) => n + v.size, 0);
}

/** Outputs (N, 1) for inputs (N, 1). The caller owns the result. */
export function mlpForward(net: Mlp, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    let h = tf.fused.matMul({ a: x, b: net.first.w, bias: net.first.b, activation: 'relu' }) as tf.Tensor2D;
    for (const s of net.added) {
      // Not fused with the bias: WASM's fused kernel refuses a bias sliced out of a stack.
      const ws = layersOf(s.w) as tf.Tensor2D[];
      const bs = layersOf(s.b);
      const w2s = s.out ? (layersOf(s.out.w) as tf.Tensor2D[]) : [];
      const b2s = s.out ? layersOf(s.out.b) : [];
      ws.forEach((w, i) => {
        const u = tf.relu(tf.add(tf.matMul(h, w), bs[i]!)) as tf.Tensor2D;
        h = s.out ? (tf.relu(tf.add(h, tf.add(tf.matMul(u, w2s[i]!), b2s[i]!))) as tf.Tensor2D) : u;
      });
    }
    return tf.fused.matMul({ a: h, b: net.last.w, bias: net.last.b }) as tf.Tensor2D;
  });
}

/**
 * The layers of a stack, one tensor each. A stack of one is reshaped rather than
 * unstacked: tfjs's gradient of a one-output unstack fails.
 */
function layersOf(t: tf.Tensor): tf.Tensor[] {
  return t.shape[0] === 1 ? [tf.reshape(t, t.shape.slice(1))] : tf.unstack(t);
}

/**
 * The network with one more added layer of kind `layer`, inserted before the last layer
 * (see `AppendedLayer`). `residualZero` (a block with a random first layer from `seed` and
 * a zero last layer) and `plainIdentity` (W = I, b = 0; the input is ≥ 0, being a ReLU's
 * output) are the identity: the outputs do not change. `plainZero` outputs relu(0) = 0,
 * so the network outputs only its last bias; `plainRandom` is drawn like the sweep's
 * plain layers. The new network shares the old one's variables: dispose one of them with
 * `disposeMlp`, and the other's extra layer (`.added.at(-1)`) with `disposeLayers`.
 */
export function appendLayer(net: Mlp, layer: AppendedLayer, seed = 0): Mlp {
  if (net.family !== familyOfLayer(layer))
    throw new RangeError(`a ${layer} layer goes on a ${familyOfLayer(layer)} network, not a ${net.family} one`);
  return { ...net, added: [...net.added, newLayer(layer, net.first.w.shape[1]!, seed)] };
}

function newLayer(layer: AppendedLayer, width: number, seed: number): LayerStack {
  switch (layer) {
    case 'residualZero':
      return stack(1, width, mulberry32(seed), true);
    case 'plainRandom':
      return stack(1, width, mulberry32(seed), false);
    case 'plainZero':
      return stack(1, width, 'zeros', false);
    case 'plainIdentity': {
      const w = variable<tf.Rank.R3>(tf.tidy(() => tf.reshape(tf.eye(width), [1, width, width])));
      return { w, b: variable<tf.Rank.R2>(tf.zeros([1, width])), count: 1 };
    }
  }
}

/** A copy of a network with its own variables (the caller owns it: `disposeMlp`). */
export function cloneMlp(net: Mlp): Mlp {
  const copy = <R extends tf.Rank>(v: tf.Variable<R>) => variable<R>(v.clone());
  const copyDense = (l: Dense): Dense => ({ w: copy(l.w), b: copy(l.b) });
  return {
    family: net.family,
    first: copyDense(net.first),
    added: net.added.map((s) => ({
      w: copy(s.w),
      b: copy(s.b),
      ...(s.out ? { out: { w: copy(s.out.w), b: copy(s.out.b) } } : {}),
      count: s.count,
    })),
    last: copyDense(net.last),
  };
}

/** Free one layer's (or stack's) variables. */
export function disposeLayers(l: Dense | LayerStack): void {
  l.w.dispose();
  l.b.dispose();
  if ('out' in l && l.out) disposeLayers(l.out as Dense);
}

/** Free every variable of a network. */
export function disposeMlp(net: Mlp): void {
  [net.first, ...net.added, net.last].forEach(disposeLayers);
}
