/**
 * PyTorch's broadcasting for `Y += X` (an in-place add), as its C++ does it:
 * sizes are compared from the last dimension; a size of 1 stretches to the other;
 * and because the result is written into Y, the broadcast shape must be Y's shape.
 */
import { pyList } from './pyFormat';

export type BroadcastResult =
  | { readonly ok: true; readonly shape: readonly number[] }
  | { readonly ok: false; readonly dim: number; readonly a: number; readonly b: number; readonly message: string };

/** The broadcast shape of `a + b`, or PyTorch's error naming the first mismatch from the right. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): BroadcastResult {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    const offset = n - 1 - i;
    const da = a.length - 1 - offset;
    const db = b.length - 1 - offset;
    const sa = da >= 0 ? (a[da] as number) : 1;
    const sb = db >= 0 ? (b[db] as number) : 1;
    if (sa !== sb && sa !== 1 && sb !== 1) {
      return {
        ok: false,
        dim: i,
        a: sa,
        b: sb,
        message: `The size of tensor a (${sa}) must match the size of tensor b (${sb}) at non-singleton dimension ${i}`,
      };
    }
    out[i] = sa === 1 ? sb : sa;
  }
  return { ok: true, shape: out };
}

export type InplaceAddResult =
  | { readonly ok: true; readonly shape: readonly number[]; readonly broadcastDims: readonly number[] }
  | {
      readonly ok: false;
      readonly kind: 'mismatch';
      readonly dim: number;
      readonly a: number;
      readonly b: number;
      readonly message: string;
    }
  | { readonly ok: false; readonly kind: 'inplace'; readonly broadcast: readonly number[]; readonly message: string };

/** `y += x`: broadcasting, then the check that the result fits in y. */
export function inplaceAdd(y: readonly number[], x: readonly number[]): InplaceAddResult {
  const b = broadcastShapes(y, x);
  if (!b.ok) return { ok: false, kind: 'mismatch', dim: b.dim, a: b.a, b: b.b, message: b.message };
  const fits = b.shape.length === y.length && b.shape.every((s, i) => s === y[i]);
  if (!fits) {
    return {
      ok: false,
      kind: 'inplace',
      broadcast: b.shape,
      message: `output with shape ${pyList(y)} doesn't match the broadcast shape ${pyList(b.shape)}`,
    };
  }
  const offset = y.length - x.length;
  const broadcastDims = y.map((_, i) => i).filter((i) => i < offset || x[i - offset] !== y[i]);
  return { ok: true, shape: b.shape, broadcastDims };
}

/** How one dimension of `Y += X` fares. `unchecked`: PyTorch stopped at a mismatch further right. */
export type DimVerdict = 'equal' | 'broadcastX' | 'growY' | 'mismatch' | 'unchecked';

export interface DimComparison {
  readonly dim: number;
  readonly y: number;
  readonly x: number;
  readonly verdict: DimVerdict;
}

/** `Y += X` dimension by dimension, in the order PyTorch checks them: from the last. */
export function compareDims(y: readonly number[], x: readonly number[]): DimComparison[] {
  const n = Math.max(y.length, x.length);
  const rows: DimComparison[] = [];
  let stopped = false;
  for (let i = n - 1; i >= 0; i--) {
    const sy = y[y.length - n + i] ?? 1;
    const sx = x[x.length - n + i] ?? 1;
    let verdict: DimVerdict;
    if (stopped) verdict = 'unchecked';
    else if (sy === sx) verdict = 'equal';
    else if (sx === 1) verdict = 'broadcastX';
    else if (sy === 1) verdict = 'growY';
    else {
      verdict = 'mismatch';
      stopped = true;
    }
    rows.push({ dim: i, y: sy, x: sx, verdict });
  }
  return rows;
}
