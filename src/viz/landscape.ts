/**
 * Loss landscapes side by side: one heatmap per network (a cell per grid point, with d3's
 * contour lines over it), every map on one log colour scale with its colour bar, the numbers
 * the page's sentences quote under each map, and a 1-D slice through the centres (b = 0) of
 * every surface below. Plain data in, SVG out; text sized by the page's text scale.
 */
import * as d3 from 'd3';
import { PALETTE } from './palette';

export interface LandscapePanel {
  readonly title: string;
  /** A second title line (e.g. "PyTorch reference"). */
  readonly subtitle?: string;
  readonly size: number;
  /** Loss at each grid point, row by row, b (rows, bottom to top) outer, a inner. */
  readonly loss: readonly number[];
  /** The lines under the map (the numbers the page's sentences quote). */
  readonly notes: readonly string[];
  readonly colour: string;
  /** Reference surfaces are dashed in the slice chart. */
  readonly dashed?: boolean;
}

export interface LandscapeFigureData {
  readonly panels: readonly LandscapePanel[];
  /** The shared colour scale's range (positive). */
  readonly range: readonly [number, number];
  /** The page's language, for the digit grouping of the tick labels (default 'en'). */
  readonly locale?: string;
  readonly labels: {
    readonly colourBar: string;
    readonly sliceX: string;
    readonly sliceY: string;
    readonly slice: string;
  };
}

const MAP = 150;
const COLUMNS = 4;

/** The shared log colour of a loss. */
export function landscapeColour(range: readonly [number, number]): (v: number) => string {
  const s = d3.scaleSequentialLog(d3.interpolateViridis).domain([range[0], range[1]]).clamp(true);
  return (v) => s(Math.max(range[0], v));
}

/** Five ticks evenly spaced in log over the range, whatever its width (d3's log ticks vanish in a narrow range). */
export function logTicks(range: readonly [number, number]): number[] {
  const [lo, hi] = range.map(Math.log10) as [number, number];
  return d3.range(5).map((i) => 10 ** (lo + ((hi - lo) * i) / 4));
}

/** About how wide the longest of `lines` is drawn at `font` px: wide (CJK) characters 1 em, others 0.6 em. */
function textWidth(lines: readonly string[], font: number): number {
  return Math.max(...lines.map((l) => [...l].reduce((w, c) => w + (c.codePointAt(0)! >= 0x2e80 ? 1 : 0.6) * font, 0)));
}

/** A tick's loss: three significant digits, whole numbers from 100 grouped as the page's language writes them. */
function tickText(v: number, locale: string): string {
  return v >= 100 ? new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v) : v.toPrecision(3);
}

export function drawLandscape(svg: SVGSVGElement, data: LandscapeFigureData, textScale = 1): void {
  const k = textScale;
  const font = 11 * k;
  // a column is as wide as its longest title or subtitle ("PyTorch, 400 steps, 21 × 21 grid" is wider than a map)
  const cellW = Math.max(
    MAP + 30 * k,
    ...data.panels.map((p) => textWidth([p.title, p.subtitle ?? ''], font) + 16 * k),
  );
  const titleH = 2 * font + 6;
  const notesH = Math.max(0, ...data.panels.map((p) => p.notes.length)) * (font + 3) + 4;
  const rowH = titleH + MAP + notesH + 8;
  const cols = Math.min(COLUMNS, Math.max(1, data.panels.length));
  const rows = Math.ceil(data.panels.length / cols);
  const W = Math.max(cols * cellW, 420);
  const barY = rows * rowH + 4;
  // the bar's title, the bar, its tick labels, then the slice's title above its plot
  const sliceY = barY + 3 * font + 40;
  const sliceH = 150;
  const H = sliceY + sliceH + 3 * font + 8;
  const colour = landscapeColour(data.range);
  // drawn at 1.2 CSS pixels per unit at most (the stylesheet caps the width by this variable)
  const root = d3
    .select(svg)
    .attr('viewBox', `0 0 ${W} ${H}`)
    .style('font-size', `${font}px`)
    .style('--landscape-width', `${Math.round(1.2 * W)}px`);
  root.selectAll('*').remove();

  data.panels.forEach((p, i) => {
    const g = root
      .append('g')
      .attr('class', 'landscape-panel')
      .attr('data-title', p.title)
      .attr('transform', `translate(${(i % cols) * cellW + 10 * k},${Math.floor(i / cols) * rowH})`);
    g.append('text').attr('y', font).attr('font-weight', 'bold').text(p.title);
    if (p.subtitle)
      g.append('text')
        .attr('y', 2 * font + 2)
        .attr('class', 'muted')
        .text(p.subtitle);
    const map = g.append('g').attr('transform', `translate(0,${titleH})`);
    // the contours' outer edges reach half a cell past the map: clip them to it
    const clip = `landscape-clip-${i}-${p.size}-${Math.round(1e3 * (p.loss[0] ?? 0))}`;
    map.append('clipPath').attr('id', clip).append('rect').attr('width', MAP).attr('height', MAP);
    const cell = MAP / p.size;
    // 'rect.cell', not 'rect': the clip path's rectangle above is a rect too
    map
      .selectAll('rect.cell')
      .data(p.loss)
      .join('rect')
      .attr('class', 'cell')
      // row 0 is b = −1: drawn at the bottom
      .attr('x', (_, j) => (j % p.size) * cell)
      .attr('y', (_, j) => MAP - (Math.floor(j / p.size) + 1) * cell)
      .attr('width', cell + 0.3)
      .attr('height', cell + 0.3)
      .attr('fill', (v) => colour(v));
    const logs = p.loss.map((v) => Math.log10(Math.max(data.range[0], v)));
    const thresholds = d3.range(Math.log10(data.range[0]), Math.log10(data.range[1]), 0.1);
    const contours = d3.contours().size([p.size, p.size]).thresholds(thresholds)(logs);
    // contour coordinates are in grid cells with y down from row 0: flip to b up
    const path = d3.geoPath(
      d3.geoTransform({
        point(x, y) {
          this.stream.point(
            ((x - 0.5) / (p.size - 1)) * (MAP - cell) + cell / 2,
            MAP - (((y - 0.5) / (p.size - 1)) * (MAP - cell) + cell / 2),
          );
        },
      }),
    );
    map
      .append('g')
      .attr('class', 'landscape-contours')
      .attr('clip-path', `url(#${clip})`)
      .selectAll('path')
      .data(contours)
      .join('path')
      .attr('d', (c) => path(c) ?? '')
      .attr('fill', 'none')
      .attr('stroke', PALETTE.paper)
      .attr('stroke-opacity', 0.45)
      .attr('stroke-width', 0.6);
    map
      .append('circle')
      .attr('cx', MAP / 2)
      .attr('cy', MAP / 2)
      .attr('r', 2.5)
      .attr('fill', PALETTE.paper)
      .attr('stroke', PALETTE.ink);
    map.append('rect').attr('width', MAP).attr('height', MAP).attr('fill', 'none').attr('stroke', PALETTE.line);
    g.selectAll('text.landscape-note')
      .data(p.notes)
      .join('text')
      .attr('class', 'landscape-note')
      .attr('y', (_, j) => titleH + MAP + (j + 1) * (font + 3))
      .text((d) => d);
  });

  // the colour bar
  const bar = root
    .append('g')
    .attr('class', 'landscape-colour-bar')
    .attr('transform', `translate(${10 * k},${barY})`);
  const barW = Math.min(W - 20 * k, 400);
  const x = d3.scaleLog().domain(data.range).range([0, barW]);
  const id = `landscape-gradient-${Math.round(data.range[0] * 1e6)}-${Math.round(data.range[1] * 1e6)}`;
  const grad = bar.append('defs').append('linearGradient').attr('id', id);
  d3.range(0, 1.0001, 0.1).forEach((f) =>
    grad
      .append('stop')
      .attr('offset', `${f * 100}%`)
      .attr('stop-color', colour(data.range[0] * (data.range[1] / data.range[0]) ** f)),
  );
  bar.append('text').attr('y', font).text(data.labels.colourBar);
  bar
    .append('rect')
    .attr('y', font + 4)
    .attr('width', barW)
    .attr('height', 12)
    .attr('fill', `url(#${id})`);
  bar
    .append('g')
    .attr('transform', `translate(0,${font + 16})`)
    .call(
      d3
        .axisBottom(x)
        .tickValues(logTicks(data.range))
        .tickFormat((v) => tickText(+v, data.locale ?? 'en')),
    )
    .selectAll('text')
    .style('font-size', `${font}px`)
    // the end labels stay inside the figure: the first starts at the bar's start, the last ends at its end
    .attr('text-anchor', (_, i, all) => (i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle'));

  // the 1-D slice through the centres
  const slice = root
    .append('g')
    .attr('class', 'landscape-slice')
    .attr('transform', `translate(${56 * k},${sliceY})`);
  const sw = W - 72 * k;
  const sx = d3.scaleLinear().domain([-1, 1]).range([0, sw]);
  const sy = d3.scaleLog().domain(data.range).range([sliceH, 0]).clamp(true);
  slice.append('text').attr('y', -4).attr('font-weight', 'bold').text(data.labels.slice);
  slice
    .append('g')
    .attr('transform', `translate(0,${sliceH})`)
    .call(d3.axisBottom(sx).ticks(5))
    .selectAll('text')
    .style('font-size', `${font}px`);
  slice
    .append('g')
    .call(
      d3
        .axisLeft(sy)
        .tickValues(logTicks(data.range))
        .tickFormat((v) => tickText(+v, data.locale ?? 'en')),
    )
    .selectAll('text')
    .style('font-size', `${font}px`);
  slice
    .append('text')
    .attr('transform', `translate(${-46 * k},${sliceH / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(data.labels.sliceY);
  slice
    .append('text')
    .attr('x', sw / 2)
    .attr('y', sliceH + 2.6 * font + 4)
    .attr('text-anchor', 'middle')
    .text(data.labels.sliceX);
  data.panels.forEach((p) => {
    const mid = (p.size - 1) / 2;
    const ys = p.loss.slice(mid * p.size, (mid + 1) * p.size);
    const line = d3
      .line<number>()
      .x((_, j) => sx(-1 + (2 * j) / (p.size - 1)))
      .y((v) => sy(Math.max(data.range[0], v)));
    slice
      .append('path')
      .attr('d', line(ys) ?? '')
      .attr('fill', 'none')
      .attr('stroke', p.colour)
      .attr('stroke-width', 1.8)
      .attr('stroke-dasharray', p.dashed ? '5 3' : null)
      .append('title')
      .text(p.title);
  });
}
