import { describe, expect, it } from 'vitest';
import {
  centreSlice,
  gridAxis,
  gridPoints,
  hessianMinEigenvalues,
  lossRange,
  nonConvexShare,
  riseWithin,
} from './grid';

/** A surface from a function of (a, b) on a size² grid. */
const surface = (size: number, f: (a: number, b: number) => number) => ({
  size,
  loss: gridPoints(size).map(({ a, b }) => f(a, b)),
});

describe('the landscape grid', () => {
  it('spans [−1, 1] with the trained weights at the centre, rows along b', () => {
    expect(gridAxis(5)).toEqual([-1, -0.5, 0, 0.5, 1]);
    const p = gridPoints(3);
    expect(p[1]).toEqual({ a: 0, b: -1 });
    expect(p[4]).toEqual({ a: 0, b: 0 });
  });

  it('measures the rise within radius 0.5 and the slice through the centre', () => {
    const bowl = surface(21, (a, b) => 1 + a * a + 2 * b * b);
    // the farthest points within 0.5 along b: 2·0.5² = 0.5
    expect(riseWithin(bowl)).toBeCloseTo(0.5, 6);
    expect(centreSlice(bowl).map((v) => +v.toFixed(6))).toEqual(gridAxis(21).map((a) => +(1 + a * a).toFixed(6)));
  });

  it('finds no negative curvature in a bowl, all of it on a saddle, half on a ridge-valley', () => {
    expect(nonConvexShare(surface(11, (a, b) => a * a + b * b + a * b))).toBe(0);
    expect(nonConvexShare(surface(11, (a, b) => a * a - b * b))).toBe(1);
    // a·b has eigenvalues ±1 everywhere: a saddle though both second derivatives are 0
    expect(Math.min(...hessianMinEigenvalues(surface(11, (a, b) => a * b)))).toBeCloseTo(-1, 6);
    expect(nonConvexShare(surface(11, (a, b) => Math.cos(3 * a) + b * b))).toBeGreaterThan(0.3);
  });

  it('shares one colour range over every surface', () => {
    expect(lossRange([surface(3, () => 2), surface(3, (a) => 2 + a + 1)])).toEqual([2, 4]);
  });
});
