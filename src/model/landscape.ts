/**
 * The loss landscape of Li, Xu, Taylor, Studer and Goldstein (NeurIPS 2018): the loss at
 * w + a·δ + b·η around trained weights w, with δ and η two random directions, each filter
 * normalised (every filter of a direction scaled to the norm of the weight filter it
 * perturbs). training/landscape.py makes the same directions from the same seed, so the page's
 * numbers can be held to PyTorch's.
 *
 * Directions: Gaussian numbers from one mulberry32, by Box–Muller with one number per two
 * draws, first δ then η, parameter by parameter in `raceNamedParameters` order, each weight's
 * numbers in PyTorch's layout ([out, in, kh, kw], [out, in]) so the Python draws the same;
 * biases and batch norm's γ and β draw nothing and stay 0.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from './random';
import { FoldedRaceNet } from './foldedRaceNet';
import { raceNamedParameters, type RaceNet } from './raceNet';

/** The notebook of the page's two directions (training/landscape.py DIRECTION_SEED). */
export const LANDSCAPE_DIRECTION_SEED = 20;

/** A parameter's values in tfjs's layout (conv [kh, kw, c_in, c_out], linear [in, out]). */
export interface NamedValues {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** Conv and linear weights move along the directions; biases, γ and β do not. */
export function isDirectionWeight(name: string): boolean {
  return name.endsWith('.weight');
}

/** `size` standard normal numbers: √(−2 ln(1 − u₁)) cos(2π u₂), one per two draws. */
export function gaussians(size: number, next: () => number): Float64Array {
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const u1 = next();
    const u2 = next();
    out[i] = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
  return out;
}

/**
 * One weight's direction, in tfjs's layout: drawn in PyTorch's order (filter by filter, then
 * its c_in, kh, kw), each filter scaled to ‖w's filter‖. In tfjs's layouts the output channel
 * is the last axis, so filter j is every element whose index ≡ j (mod c_out).
 */
function filterNormalised(w: NamedValues, next: () => number): Float32Array {
  const shape = w.shape;
  const out = shape.at(-1)!;
  const per = w.data.length / out;
  const g = gaussians(w.data.length, next);
  // PyTorch's index (j, rest) → tfjs's: conv rest = (c, y, x) → ((y·kw + x)·c_in + c)·out + j
  const [kh, kw, cin] = shape.length === 4 ? [shape[0]!, shape[1]!, shape[2]!] : [1, 1, shape[0]!];
  const result = new Float32Array(w.data.length);
  for (let j = 0; j < out; j++) {
    let wNorm = 0;
    for (let i = j; i < w.data.length; i += out) wNorm += w.data[i]! * w.data[i]!;
    let gNorm = 0;
    for (let r = 0; r < per; r++) gNorm += g[j * per + r]! ** 2;
    const scale = Math.sqrt(wNorm) / (Math.sqrt(gNorm) + 1e-10);
    for (let c = 0; c < cin; c++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++) {
          const r = (c * kh + y) * kw + x;
          result[((y * kw + x) * cin + c) * out + j] = g[j * per + r]! * scale;
        }
  }
  return result;
}

/** The two filter-normalised directions for `params` (`raceNamedParameters` order); `null`: 0 there. */
export function landscapeDirections(
  params: readonly NamedValues[],
  seed = LANDSCAPE_DIRECTION_SEED,
): [(Float32Array | null)[], (Float32Array | null)[]] {
  const next = mulberry32(seed);
  const one = () => params.map((p) => (isDirectionWeight(p.name) ? filterNormalised(p, next) : null));
  const first = one();
  return [first, one()];
}

/**
 * Evaluates a trained network's loss on the plane: the network with batch norm (on its trained
 * running statistics, evaluation mode) folded into its convolutions once (./foldedRaceNet.ts),
 * each point's weights w + a·δ + b·η, the mean cross-entropy of a fixed batch. Owns its
 * tensors: call `dispose`.
 */
export class LandscapeEvaluator {
  private readonly folded: FoldedRaceNet;
  private readonly norms: Record<string, [number, number]> = {};
  private readonly x: tf.Tensor4D;
  private readonly y: tf.Tensor2D;

  /**
   * `trained`: the network whose surface is drawn (read, never changed). `x`, `y`: the images
   * (N, 28, 28, 1) and one-hot labels, copied (the caller keeps its own).
   */
  static async create(
    trained: RaceNet,
    x: tf.Tensor4D,
    y: tf.Tensor2D,
    seed = LANDSCAPE_DIRECTION_SEED,
  ): Promise<LandscapeEvaluator> {
    const values = await Promise.all(
      raceNamedParameters(trained).map(async (p) => ({
        name: p.name,
        shape: p.variable.shape,
        data: (await p.variable.data()) as Float32Array,
      })),
    );
    return new LandscapeEvaluator(trained, values, x, y, seed);
  }

  private constructor(trained: RaceNet, values: readonly NamedValues[], x: tf.Tensor4D, y: tf.Tensor2D, seed: number) {
    const [dx, dy] = landscapeDirections(values, seed);
    const directions = new Map<string, readonly [Float32Array, Float32Array]>();
    values.forEach((v, i) => {
      const a = dx[i];
      const b = dy[i];
      if (!a || !b) return;
      directions.set(v.name, [a, b]);
      this.norms[v.name] = [norm(a), norm(b)];
    });
    this.folded = new FoldedRaceNet(trained, directions);
    this.x = tf.clone(x);
    this.y = tf.clone(y);
  }

  /** The mean loss at w + a·δ + b·η. */
  async lossAt(a: number, b: number): Promise<number> {
    const loss = tf.tidy(() => tf.losses.softmaxCrossEntropy(this.y, this.folded.logitsAt(this.x, a, b)));
    try {
      return (await loss.data())[0]!;
    } finally {
      loss.dispose();
    }
  }

  /** ‖δ‖ and ‖η‖ of each moving weight, by name: what training/landscape.py's fixture records. */
  async directionNorms(): Promise<Record<string, [number, number]>> {
    return Promise.resolve({ ...this.norms });
  }

  dispose(): void {
    tf.dispose([this.x, this.y]);
    this.folded.dispose();
  }
}

function norm(v: Float32Array): number {
  let s = 0;
  for (const e of v) s += e * e;
  return Math.sqrt(s);
}
