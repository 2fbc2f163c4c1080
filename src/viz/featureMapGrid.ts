/**
 * The feature-map grid: every channel of one sample of an (N, C, H, W) tensor as a
 * heatmap, laid out in a grid and drawn to one canvas (dense pixels go to canvas; labels
 * and legends are SVG on top). Shared by the ResNet-18 stepper and the residual block lab.
 *
 * The pixel work is a pure function (`renderGridPixels`) so it is tested in Node.
 */
import type { PlainTensor } from '../model/types';
import { colorRangeFor, lutPixels, type ColorRange } from './colormap';

/** How values map to colours: each channel on its own range, the whole layer on one, or a range given from outside (e.g. the whole trace). */
export type ScaleMode = 'channel' | 'layer' | 'global';

export interface GridLayout {
  readonly channels: number;
  readonly cols: number;
  readonly rows: number;
  /** Side of one heatmap cell in canvas pixels. */
  readonly cell: number;
  readonly gap: number;
  readonly width: number;
  readonly height: number;
  /** Map height and width in tensor pixels. */
  readonly mapH: number;
  readonly mapW: number;
}

/** Statistics of a tensor or one channel. */
export interface Stats {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Share of exact zeros (what ReLU produces). */
  readonly zeros: number;
}

export function statsOf(data: Float32Array, start = 0, end = data.length): Stats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let zeros = 0;
  for (let i = start; i < end; i++) {
    const v = data[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    if (v === 0) zeros++;
  }
  const n = Math.max(1, end - start);
  return { min, max, mean: sum / n, zeros: zeros / n };
}

/** (C, H, W) of an (N, C, H, W) tensor, or (F, 1, 1) of an (N, F) one, so vectors draw as a strip of cells. */
export function mapGeometry(shape: readonly number[]): { c: number; h: number; w: number } {
  if (shape.length === 4) return { c: shape[1] as number, h: shape[2] as number, w: shape[3] as number };
  if (shape.length === 2) return { c: shape[1] as number, h: 1, w: 1 };
  throw new Error(`Cannot draw a tensor of shape (${shape.join(', ')}) as feature maps`);
}

/**
 * Lay out C maps of H × W in a grid at most `maxWidth` pixels wide: cells as large as fit
 * (at least `minCell`), integer upscaling preferred so pixels stay crisp.
 */
export function layoutGrid(shape: readonly number[], maxWidth: number, minCell = 6, maxCell = 160): GridLayout {
  const { c, h, w } = mapGeometry(shape);
  const gap = c > 256 ? 1 : 2;
  let best: GridLayout | undefined;
  for (let cols = 1; cols <= c; cols++) {
    const cell = Math.min(maxCell, Math.floor((maxWidth - gap * (cols - 1)) / cols));
    if (cell < minCell) break;
    const rows = Math.ceil(c / cols);
    const height = rows * cell + (rows - 1) * gap;
    const width = cols * cell + (cols - 1) * gap;
    const layout = { channels: c, cols, rows, cell, gap, width, height, mapH: h, mapW: w };
    // prefer the layout whose area best fills a roughly 4:3 box of maxWidth
    const score = layoutScore(layout, maxWidth);
    if (!best || score < layoutScore(best, maxWidth)) best = layout;
  }
  if (!best) {
    const cols = Math.max(1, Math.floor((maxWidth + 1) / (minCell + 1)));
    const rows = Math.ceil(c / cols);
    best = {
      channels: c,
      cols,
      rows,
      cell: minCell,
      gap: 1,
      width: cols * (minCell + 1) - 1,
      height: rows * (minCell + 1) - 1,
      mapH: h,
      mapW: w,
    };
  }
  return best;
}

/**
 * Lower is better: the grid's height close to a 4:3 box of the width, and few empty cells
 * (three maps in a row rather than a 2 × 2 grid with a hole).
 */
function layoutScore(l: GridLayout, maxWidth: number): number {
  const empty = l.cols * l.rows - l.channels;
  return Math.abs(l.height - maxWidth * 0.75) + empty * l.cell * 0.5;
}

export interface RenderOptions {
  readonly scale: ScaleMode;
  /** Range for `global` mode (e.g. over every layer of a trace). */
  readonly globalRange?: { min: number; max: number };
  /** Which sample of the batch. */
  readonly sample?: number;
}

/** The colour range each channel is drawn with, under a scale mode. */
export function channelRanges(t: PlainTensor, opts: RenderOptions): ColorRange[] {
  const { c, h, w } = mapGeometry(t.shape);
  const n = opts.sample ?? 0;
  const size = h * w;
  const base = n * c * size;
  if (opts.scale === 'channel') {
    return Array.from({ length: c }, (_, ch) => {
      const s = statsOf(t.data, base + ch * size, base + (ch + 1) * size);
      return colorRangeFor(s.min, s.max);
    });
  }
  const s = opts.scale === 'global' && opts.globalRange ? opts.globalRange : statsOf(t.data, base, base + c * size);
  const r = colorRangeFor(s.min, s.max);
  return Array.from({ length: c }, () => r);
}

/** RGBA pixels of the whole grid (transparent gaps), nearest-neighbour scaled. */
export function renderGridPixels(t: PlainTensor, layout: GridLayout, opts: RenderOptions): Uint8ClampedArray {
  const { c, h, w } = mapGeometry(t.shape);
  const ranges = channelRanges(t, opts);
  const out = new Uint8ClampedArray(layout.width * layout.height * 4);
  // one 32-bit word per pixel: a whole pixel per write, and a cell's repeated rows copied
  const pixels = new Uint32Array(out.buffer);
  const base = (opts.sample ?? 0) * c * h * w;
  const { cell, gap, cols } = layout;
  // precomputed source row/column for every cell pixel
  const srcY = Int32Array.from({ length: cell }, (_, y) => Math.min(h - 1, Math.floor((y * h) / cell)));
  const srcX = Int32Array.from({ length: cell }, (_, x) => Math.min(w - 1, Math.floor((x * w) / cell)));
  for (let ch = 0; ch < c; ch++) {
    const r = ranges[ch] as ColorRange;
    const table = lutPixels(r.colormap);
    const k = 255 / (r.max - r.min || 1);
    const ox = (ch % cols) * (cell + gap);
    const oy = Math.floor(ch / cols) * (cell + gap);
    const chBase = base + ch * h * w;
    for (let y = 0; y < cell; y++) {
      const p = (oy + y) * layout.width + ox;
      if (y > 0 && srcY[y] === srcY[y - 1]) {
        pixels.copyWithin(p, p - layout.width, p - layout.width + cell);
        continue;
      }
      const row = chBase + (srcY[y] as number) * w;
      for (let x = 0; x < cell; x++) {
        const v = t.data[row + (srcX[x] as number)] as number;
        pixels[p + x] = table[Math.max(0, Math.min(255, Math.round((v - r.min) * k)))] as number;
      }
    }
  }
  return out;
}

/**
 * Layout for a vector (every map 1×1, e.g. (1, 512) or (1, 10)): one cell a number, in
 * rows filling about a 2:1 box, cells at most `maxCell` wide, so ten logits make one row.
 */
export function vectorLayout(shape: readonly number[], maxWidth: number, maxCell = 48): GridLayout {
  const { c, h, w } = mapGeometry(shape);
  const gap = 2;
  const cell = Math.max(4, Math.min(maxCell, Math.floor(Math.sqrt((maxWidth * maxWidth) / 2 / c)) - gap));
  const cols = Math.max(1, Math.min(c, Math.floor((maxWidth + gap) / (cell + gap))));
  const rows = Math.ceil(c / cols);
  return {
    channels: c,
    cols,
    rows,
    cell,
    gap,
    width: cols * (cell + gap) - gap,
    height: rows * (cell + gap) - gap,
    mapH: h,
    mapW: w,
  };
}

/**
 * Draw the grid to a canvas (sized to the layout) and return the layout for hit-testing.
 * `layout` overrides the default (`layoutGrid`), e.g. with `vectorLayout`.
 */
export function drawFeatureMapGrid(
  canvas: HTMLCanvasElement,
  t: PlainTensor,
  maxWidth: number,
  opts: RenderOptions,
  layoutOverride?: GridLayout,
): GridLayout {
  const layout = layoutOverride ?? layoutGrid(t.shape, maxWidth);
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return layout;
  const img = new ImageData(
    renderGridPixels(t, layout, opts) as Uint8ClampedArray<ArrayBuffer>,
    layout.width,
    layout.height,
  );
  ctx.putImageData(img, 0, 0);
  return layout;
}

/** Which channel and tensor pixel lie under canvas point (x, y), if any. */
export function hitTest(
  layout: GridLayout,
  x: number,
  y: number,
): { channel: number; row: number; col: number } | undefined {
  const step = layout.cell + layout.gap;
  const gx = Math.floor(x / step);
  const gy = Math.floor(y / step);
  const inX = x - gx * step;
  const inY = y - gy * step;
  if (gx < 0 || gy < 0 || gx >= layout.cols || inX >= layout.cell || inY >= layout.cell) return undefined;
  const channel = gy * layout.cols + gx;
  if (channel >= layout.channels) return undefined;
  return {
    channel,
    row: Math.min(layout.mapH - 1, Math.floor((inY * layout.mapH) / layout.cell)),
    col: Math.min(layout.mapW - 1, Math.floor((inX * layout.mapW) / layout.cell)),
  };
}

/** The value at (sample, channel, row, col) of an (N, C, H, W) tensor. */
export function valueAt(t: PlainTensor, channel: number, row: number, col: number, sample = 0): number {
  const { c, h, w } = mapGeometry(t.shape);
  return t.data[((sample * c + channel) * h + row) * w + col] as number;
}
