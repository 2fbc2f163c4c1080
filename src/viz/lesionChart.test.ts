import { describe, expect, it } from 'vitest';
import { layoutLesionChart, LESION_COLOURS } from './lesionChart';

const bars = [
  { label: 'none', accuracy: 0.93, intact: true, downsamples: false },
  { label: 'b2.0', accuracy: 0.71, intact: false, downsamples: false },
  { label: 'b3.0', accuracy: 0.1, intact: false, downsamples: true },
];

describe('layoutLesionChart', () => {
  it('draws each accuracy as a bar from 0, with the intact and chance lines where their values are', () => {
    const l = layoutLesionChart(bars, 0.1, 600);
    const zero = l.plot.bottom;
    const full = l.plot.bottom - l.plot.top;
    for (const [i, b] of l.bars.entries()) {
      expect(b.y + b.h).toBeCloseTo(zero);
      expect(b.h / full).toBeCloseTo((bars[i] as (typeof bars)[number]).accuracy);
    }
    expect(l.intactY).toBeCloseTo(l.bars[0]!.y);
    expect(l.chanceY).toBeCloseTo(l.bars[2]!.y);
    expect(l.bars.map((b) => b.colour)).toEqual([LESION_COLOURS.intact, LESION_COLOURS.same, LESION_COLOURS.down]);
    expect(l).toMatchSnapshot();
  });

  it('grows its text room in projector mode', () => {
    const normal = layoutLesionChart(bars, 0.1, 600, 1);
    const big = layoutLesionChart(bars, 0.1, 600, 1.5);
    expect(big.height).toBeGreaterThan(normal.height);
    expect(big.plot.left).toBeGreaterThan(normal.plot.left);
  });
});
