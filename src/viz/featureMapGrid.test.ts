import { describe, expect, it } from 'vitest';
import { colorAt, colorRangeFor } from './colormap';
import { channelRanges, hitTest, layoutGrid, renderGridPixels, statsOf, valueAt } from './featureMapGrid';

const tensor = (shape: number[], f: (i: number) => number) => ({
  shape,
  data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => f(i)),
});

describe('feature-map grid', () => {
  it('lays out every channel inside the width, cells as large as fit', () => {
    const l = layoutGrid([1, 64, 56, 56], 600);
    expect(l.cols * l.rows).toBeGreaterThanOrEqual(64);
    expect(l.width).toBeLessThanOrEqual(600);
    expect(l.cell).toBeGreaterThanOrEqual(6);
    const big = layoutGrid([1, 512, 7, 7], 600);
    expect(big.cols * big.rows).toBeGreaterThanOrEqual(512);
    expect(big.width).toBeLessThanOrEqual(600);
  });

  it('prefers a row of three maps to a 2 × 2 grid with a hole', () => {
    const l = layoutGrid([4, 3, 6, 6], 320);
    expect([l.cols, l.rows]).toEqual([3, 1]);
  });

  it('colours per channel, per layer, or with a given range', () => {
    // channel 0 in [0, 1], channel 1 in [0, 10]
    const t = tensor([1, 2, 2, 2], (i) => (i < 4 ? i / 3 : (10 * (i - 4)) / 3));
    expect(channelRanges(t, { scale: 'channel' }).map((r) => r.max)).toEqual([1, 10]);
    expect(channelRanges(t, { scale: 'layer' }).map((r) => r.max)).toEqual([10, 10]);
    expect(channelRanges(t, { scale: 'global', globalRange: { min: 0, max: 100 } })[0]?.max).toBe(100);
  });

  it('renders known colours at known pixels (deterministic picture)', () => {
    const t = tensor([1, 2, 2, 2], (i) => [0, 1, 1, 0, -1, 0, 0, 1][i] as number);
    const layout = layoutGrid(t.shape, 100, 6, 10);
    const px = renderGridPixels(t, layout, { scale: 'channel' });
    const at = (x: number, y: number) =>
      `rgb(${px[(y * layout.width + x) * 4]}, ${px[(y * layout.width + x) * 4 + 1]}, ${px[(y * layout.width + x) * 4 + 2]})`;
    // channel 0 is non-negative: sequential map, 0 → darkest, 1 → brightest
    expect(at(0, 0)).toBe(colorAt('sequential', 0));
    expect(at(layout.cell - 1, 0)).toBe(colorAt('sequential', 1));
    // each source row fills cell / 2 canvas rows: the top half repeats row 0, the bottom half is row 1
    expect(at(layout.cell - 1, layout.cell / 2 - 1)).toBe(colorAt('sequential', 1));
    expect(at(0, layout.cell - 1)).toBe(colorAt('sequential', 1));
    expect(at(layout.cell - 1, layout.cell - 1)).toBe(colorAt('sequential', 0));
    // channel 1 changes sign: diverging, −1 at its top-left, 0 in the middle of the map
    const ox = layout.cols > 1 ? layout.cell + layout.gap : 0;
    const oy = layout.cols > 1 ? 0 : layout.cell + layout.gap;
    expect(at(ox, oy)).toBe(colorAt('diverging', 0));
    expect(at(ox + layout.cell - 1, oy)).toBe(colorAt('diverging', 0.5));
  });

  it('finds the channel and value under the pointer', () => {
    const t = tensor([1, 3, 4, 4], (i) => i);
    const l = layoutGrid(t.shape, 200, 6, 40);
    const step = l.cell + l.gap;
    const [x1, y1] = l.cols > 1 ? [step, 0] : [0, step]; // top-left of channel 1
    expect(hitTest(l, x1 + 1, y1 + 1)).toEqual({ channel: 1, row: 0, col: 0 });
    expect(hitTest(l, x1 + l.cell - 1, y1 + l.cell - 1)).toEqual({ channel: 1, row: 3, col: 3 });
    expect(valueAt(t, 1, 3, 3)).toBe(31);
    expect(hitTest(l, l.cols > 1 ? l.cell + 0.5 : 1, l.cols > 1 ? 1 : l.cell + 0.5)).toBeUndefined(); // in the gap
  });

  it('computes statistics, including the share of zeros', () => {
    expect(statsOf(Float32Array.from([0, 0, 2, -2]))).toEqual({ min: -2, max: 2, mean: 0, zeros: 0.5 });
    expect(colorRangeFor(-1, 3)).toEqual({ min: -3, max: 3, colormap: 'diverging' });
  });
});
