import { describe, expect, it } from 'vitest';
import { describeLandscape, formatLoss, formatShare } from './describe';
import { gridPoints } from './grid';

const run = (id: string, depth: number, f: (a: number, b: number) => number) => ({
  id,
  family: id.split('-')[0] as 'plain' | 'residual',
  depth,
  size: 11,
  loss: gridPoints(11).map(({ a, b }) => f(a, b)),
});
const bowl = (a: number, b: number) => 0.3 + a * a + b * b;
const rough = (a: number, b: number) => 0.3 + 4 * (a * a + b * b) + 0.5 * Math.cos(9 * a) * Math.cos(9 * b);

describe('what a landscape shows', () => {
  it('reports each network and compares the deepest pair', () => {
    const f = describeLandscape([
      run('plain-1', 8, bowl),
      run('residual-1', 8, bowl),
      run('plain-9', 56, rough),
      run('residual-9', 56, bowl),
    ]);
    expect(f.shallow).toBe(false);
    expect(f.contrast).toEqual({ depth: 56, verdict: 'shown' });
    expect(f.runs[3]).toMatchObject({ centre: 0.3, nonConvex: 0 });
    // the farthest grid points within 0.5 on a 0.2 step: (0.4, 0.2), 0.4² + 0.2²
    expect(f.runs[3]!.rise).toBeCloseTo(0.2, 6);
    expect(f.runs[2]!.nonConvex).toBeGreaterThan(0.2);
  });

  it('says when this run does not show the contrast, and when both are shallow', () => {
    const f = describeLandscape([run('plain-3', 20, bowl), run('residual-3', 20, rough)]);
    expect(f.shallow).toBe(true);
    expect(f.contrast).toEqual({ depth: 20, verdict: 'not-shown' });
  });

  it('writes numbers the same way everywhere', () => {
    expect(formatLoss(0.012345)).toBe('0.0123');
    expect(formatLoss(2.3456)).toBe('2.35');
    expect(formatLoss(1234.5)).toBe('1,235');
    expect(formatLoss(5137.2, 'zh')).toBe('5,137');
    expect(formatLoss(456.7, 'zh')).toBe('457');
    expect(formatShare(0.126)).toBe('13%');
  });
});
