import { describe, expect, it } from 'vitest';
import { SMOOTH, smooth } from './smoothLoss';

describe('smooth', () => {
  it('is the mean of the last values seen (fewer at the start), one per value', () => {
    expect(smooth([2, 4, 6, 8], 2)).toEqual([2, 3, 5, 7]);
    expect(smooth([])).toEqual([]);
  });
  it(`averages the last ${SMOOTH} steps by default`, () => {
    const ys = Array.from({ length: 30 }, (_, i) => i);
    const s = smooth(ys);
    expect(s[29]).toBeCloseTo(24.5); // mean of 20…29
    expect(s[4]).toBeCloseTo(2); // mean of 0…4
  });
});
