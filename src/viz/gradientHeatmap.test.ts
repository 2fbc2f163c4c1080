import { describe, expect, it } from 'vitest';
import { gradientColour, gradientLogRange } from './gradientHeatmap';

describe('the gradient colour scale', () => {
  it('spans the log range of every norm, at least a decade', () => {
    expect(gradientLogRange([[0.001, 0.1], [1]])).toEqual([-3, 0]);
    expect(gradientLogRange([[0.5, 0.6]])).toEqual([Math.log10(0.5) - 0.5, Math.log10(0.5) + 0.5]);
    expect(gradientLogRange([])).toEqual([-3, 0]);
  });
  it('gives small norms the dark end (viridis #440154) and large ones the bright end', () => {
    const range = [-3, 0] as const;
    expect(gradientColour(0.001, range)).toBe(gradientColour(1e-9, range));
    expect(gradientColour(1, range)).not.toBe(gradientColour(0.001, range));
    expect(gradientColour(0.001, range)).toBe('#440154');
  });
});
