import { describe, expect, it } from 'vitest';
import { layoutLogits } from './logitsChart';

describe('logits chart', () => {
  it('draws negative logits left of zero and positive ones right, each named', () => {
    const l = layoutLogits([-2, 0, 4], ['a', 'b', 'c'], 400);
    const [a, b, c] = l.bars;
    expect(a!.x + a!.w).toBeCloseTo(l.zero);
    expect(c!.x).toBeCloseTo(l.zero);
    expect(c!.w).toBeCloseTo(2 * a!.w);
    expect(b!.w).toBe(0);
    expect(l.bars.map((x) => x.name)).toEqual(['a', 'b', 'c']);
    expect(l.bars.map((x) => x.largest)).toEqual([false, false, true]);
  });
  it('gives larger text taller rows and a wider column of names (projector mode)', () => {
    const normal = layoutLogits([-2, 0, 4], ['a', 'b', 'c'], 400);
    const large = layoutLogits([-2, 0, 4], ['a', 'b', 'c'], 400, 1.5);
    expect(large.height).toBeCloseTo(normal.height * 1.5);
    expect(Math.min(...large.bars.map((b) => b.x))).toBeCloseTo(110 * 1.5);
  });
});
