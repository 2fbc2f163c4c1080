/**
 * Each layer's gradient norm over time for one network: a row per layer (the input side
 * at the top), a column per probe, colour on a log scale shared by every network so the
 * heatmaps compare. Cells are SVG rectangles (at most 56 layers × a few dozen probes).
 */
import * as d3 from 'd3';

export interface GradientHeatmapData {
  readonly layers: number;
  readonly probes: readonly { readonly step: number; readonly norms: readonly number[] }[];
  /** Steps of the whole run, so columns keep their place while it grows. */
  readonly totalSteps: number;
  /** log₁₀ range of the colour scale. */
  readonly logRange: readonly [number, number];
}

const W = 260;
const H = 160;
const M = { top: 4, right: 4, bottom: 4, left: 4 };

/** The colour of a gradient norm on the shared log scale (dark: small, bright: large). */
export function gradientColour(norm: number, logRange: readonly [number, number]): string {
  const [lo, hi] = logRange;
  const t = norm > 0 ? (Math.log10(norm) - lo) / Math.max(1e-9, hi - lo) : 0;
  return d3.interpolateViridis(Math.min(1, Math.max(0, t)));
}

/** log₁₀ range over every norm of every network (a decade wide at least). */
export function gradientLogRange(all: readonly (readonly number[])[]): [number, number] {
  const logs = all
    .flat()
    .filter((v) => v > 0)
    .map(Math.log10);
  if (!logs.length) return [-3, 0];
  const lo = Math.min(...logs);
  const hi = Math.max(...logs);
  return hi - lo < 1 ? [lo - 0.5, lo + 0.5] : [lo, hi];
}

export function drawGradientHeatmap(svg: SVGSVGElement, data: GradientHeatmapData): void {
  const root = d3.select(svg).attr('viewBox', `0 0 ${W} ${H}`).attr('preserveAspectRatio', 'none');
  const x = d3
    .scaleLinear()
    .domain([0, Math.max(1, data.totalSteps)])
    .range([M.left, W - M.right]);
  const rowH = (H - M.top - M.bottom) / Math.max(1, data.layers);
  // each probe's column reaches back to the previous probe, so the columns tile the run
  const cells = data.probes.flatMap((p, col) =>
    p.norms.map((norm, layer) => ({
      key: `${col}:${layer}`,
      from: data.probes[col - 1]?.step ?? 0,
      step: p.step,
      layer,
      norm,
    })),
  );
  root
    .selectAll<SVGRectElement, (typeof cells)[number]>('rect')
    .data(cells, (c) => c.key)
    .join('rect')
    .attr('x', (c) => x(c.from))
    .attr('y', (c) => M.top + c.layer * rowH)
    .attr('width', (c) => Math.max(1, x(c.step) - x(c.from)) + 0.5)
    .attr('height', rowH + 0.5)
    .attr('fill', (c) => gradientColour(c.norm, data.logRange));
}
