import { describe, expect, it } from 'vitest';
import { landscapeColour, logTicks } from './landscape';

describe('the landscape colour scale', () => {
  it('ticks five values evenly in log, however narrow the range', () => {
    expect(logTicks([0.1, 1000]).map((v) => +v.toPrecision(6))).toEqual([0.1, 1, 10, 100, 1000]);
    const narrow = logTicks([2.3, 2.31]);
    expect(narrow).toHaveLength(5);
    expect(narrow[0]).toBeCloseTo(2.3, 9);
    expect(narrow[4]).toBeCloseTo(2.31, 9);
  });

  it('gives the lowest loss the dark end of viridis, clamps outside the range', () => {
    const c = landscapeColour([0.1, 10]);
    expect(c(0.1)).toBe('#440154');
    expect(c(0.001)).toBe('#440154');
    expect(c(1000)).toBe(c(10));
    expect(c(1)).not.toBe(c(0.1));
  });
});
