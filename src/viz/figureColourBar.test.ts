import { describe, expect, it } from 'vitest';
import { colorRangeFor } from './colormap';
import { colourBarLayout } from './figureColourBar';

describe('colourBarLayout', () => {
  it('puts the bar under the grid with its numbers, inside the image, at the export’s scale', () => {
    const range = colorRangeFor(-2, 2);
    const bar = colourBarLayout(range, 1000, 600, 2, false);
    expect(bar.y).toBeGreaterThan(600);
    expect(bar.x).toBeGreaterThanOrEqual(0);
    expect(bar.x + bar.w).toBeLessThanOrEqual(1000);
    expect(bar.ticks.map((t) => t.label)).toEqual(expect.arrayContaining(['−2', '0', '2']));
    for (const t of bar.ticks) {
      expect(t.x).toBeGreaterThanOrEqual(bar.x);
      expect(t.x).toBeLessThanOrEqual(bar.x + bar.w + 1e-9);
      expect(t.y).toBeGreaterThan(bar.y + bar.h);
      expect(t.y).toBeLessThanOrEqual(600 + bar.height);
    }
    expect(bar.font).toBe(26); // 13 px type at twice the pixels
    const noted = colourBarLayout(range, 1000, 600, 2, true);
    expect(noted.noteY).toBeGreaterThan(bar.ticks[0]!.y);
    expect(noted.height).toBeGreaterThan(bar.height);
  });
});
