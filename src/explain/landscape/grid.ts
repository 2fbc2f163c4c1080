/**
 * The landscape's grid and what its numbers say, as plain data (no tfjs): the points of the
 * plane, how much the loss rises near the trained weights, and how convex the surface is in
 * this plane (the 2-D discrete Hessian's eigenvalues at each inner point).
 */

/** Points per side: the page's grid, and the small one a URL parameter may choose (tests, a slow device). */
export const LANDSCAPE_GRID = 21;
export const LANDSCAPE_GRID_CHOICES = [7, 11, 21, 31] as const;
/** Training images the loss is averaged over (the first of the shipped subset: balanced over the classes). */
export const LANDSCAPE_IMAGES = 256;
/** The radius within which the rise of the loss is reported. */
export const RISE_RADIUS = 0.5;

/** `size` evenly spaced coordinates from −1 to 1 (numpy's linspace). */
export function gridAxis(size: number): number[] {
  return Array.from({ length: size }, (_, i) => (size === 1 ? 0 : -1 + (2 * i) / (size - 1)));
}

/** Every point (a, b) row by row: b (the row) outer, a inner, as training/landscape.py lists them. */
export function gridPoints(size: number): { a: number; b: number }[] {
  const axis = gridAxis(size);
  return axis.flatMap((b) => axis.map((a) => ({ a, b })));
}

/** One network's surface: the loss at each grid point, row by row. */
export interface Surface {
  readonly size: number;
  readonly loss: readonly number[];
}

/** The loss at the trained weights (the centre; `size` is odd). */
export function centreLoss(s: Surface): number {
  const c = (s.size - 1) / 2;
  return s.loss[c * s.size + c]!;
}

/** The largest rise of the loss above the centre's over the grid points within `radius` of it. */
export function riseWithin(s: Surface, radius = RISE_RADIUS): number {
  const axis = gridAxis(s.size);
  const l0 = centreLoss(s);
  let rise = 0;
  axis.forEach((b, row) =>
    axis.forEach((a, col) => {
      if (Math.hypot(a, b) <= radius + 1e-9) rise = Math.max(rise, s.loss[row * s.size + col]! - l0);
    }),
  );
  return rise;
}

/**
 * The smaller eigenvalue of the 2-D discrete Hessian (central differences) at each inner point,
 * row by row over the (size − 2)² inner points.
 */
export function hessianMinEigenvalues(s: Surface): number[] {
  const n = s.size;
  const h = 2 / (n - 1);
  const f = (row: number, col: number) => s.loss[row * n + col]!;
  const out: number[] = [];
  for (let r = 1; r < n - 1; r++)
    for (let c = 1; c < n - 1; c++) {
      const faa = (f(r, c + 1) - 2 * f(r, c) + f(r, c - 1)) / h ** 2;
      const fbb = (f(r + 1, c) - 2 * f(r, c) + f(r - 1, c)) / h ** 2;
      const fab = (f(r + 1, c + 1) - f(r + 1, c - 1) - f(r - 1, c + 1) + f(r - 1, c - 1)) / (4 * h ** 2);
      out.push((faa + fbb) / 2 - Math.hypot((faa - fbb) / 2, fab));
    }
  return out;
}

/** Share of the inner grid points where the 2-D Hessian has a negative eigenvalue (not convex there). */
export function nonConvexShare(s: Surface): number {
  const eig = hessianMinEigenvalues(s);
  return eig.length ? eig.filter((e) => e < 0).length / eig.length : 0;
}

/** The 1-D slice through the centre along the first direction (b = 0): the grid's middle row. */
export function centreSlice(s: Surface): number[] {
  const c = (s.size - 1) / 2;
  return s.loss.slice(c * s.size, (c + 1) * s.size);
}

/** The range of every surface's loss, for one shared log colour scale. */
export function lossRange(surfaces: readonly Surface[]): [number, number] {
  const all = surfaces.flatMap((s) => s.loss).filter((v) => v > 0 && Number.isFinite(v));
  if (!all.length) return [0.1, 10];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return hi / lo < 1.01 ? [lo / 1.01, hi * 1.01] : [lo, hi];
}
