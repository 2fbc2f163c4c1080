// @vitest-environment jsdom
/**
 * Picture tests: every SVG drawer of src/viz draws fixed data into a fresh <svg>, and the
 * result is compared with a committed SVG file under __snapshots__/drawers/ (open it in a
 * browser to see it). When a snapshot changes, look at the new file and say in the commit
 * why it changed.
 */
import { describe, expect, it } from 'vitest';
import { drawLineChart } from './lineChart';
import { lossChart } from './lossChart';
import { curveChart } from './curveChart';
import { distanceChart } from './functionClassesDistances';
import { fitChart } from './functionClassesFit';
import { drawFunctionClassesPanel } from './functionClassesFigure';
import { drawGradientHeatmap } from './gradientHeatmap';
import { drawLandscape } from './landscape';
import { slidesDiagramSvg } from './slidesDiagram';
import type { DiagramInput, DiagramNode } from './architectureDiagram';
import { PALETTE } from './palette';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A fresh <svg>, drawn into by `draw`, as a standalone SVG file with one element per line. */
function drawn(draw: (svg: SVGSVGElement) => void): string {
  const svg = document.createElementNS(SVG_NS, 'svg');
  draw(svg);
  svg.setAttribute('xmlns', SVG_NS);
  return `${svg.outerHTML.replace(/></g, '>\n<')}\n`;
}

const file = (name: string) => `./__snapshots__/drawers/${name}.svg`;

const lossData = {
  depths: [1, 2, 4, 8, 16, 32],
  series: [
    {
      name: 'plain',
      colour: PALETTE.plain,
      points: [1, 2, 4, 8, 16, 32].map((depth, i) => ({ depth, loss: 0.02 * 1.6 ** i })),
    },
    {
      name: 'residual',
      colour: PALETTE.residual,
      points: [1, 2, 4, 8].map((depth, i) => ({ depth, loss: 0.02 / 1.5 ** i })),
    },
  ],
  xLabel: 'depth (layers)',
  yLabel: 'final training loss',
};

const curveData = {
  series: [
    {
      name: 'plain, 8 layers ref.',
      colour: PALETTE.plain,
      dashed: true,
      points: [0, 10, 20, 30, 40].map((x) => ({ x, y: 2.3 - x * 0.03 })),
    },
    { name: 'plain, 8 layers', colour: PALETTE.plain, points: [0, 10, 20, 30].map((x) => ({ x, y: 2.3 - x * 0.02 })) },
    {
      name: 'residual, 8 layers',
      colour: PALETTE.residual,
      dots: true,
      points: [0, 10, 20, 30, 50].map((x) => ({ x, y: 2.3 - x * 0.04 })),
    },
  ],
  xLabel: 'training steps',
  yLabel: 'training loss',
  xMax: 40,
};

const accuracyData = {
  series: [
    {
      name: 'residual, 8 layers',
      colour: PALETTE.residual,
      dots: true,
      points: [10, 20, 30].map((x) => ({ x, y: x / 40 })),
    },
  ],
  xLabel: 'seconds',
  yLabel: 'accuracy',
  yDomain: [0, 1] as const,
  yFormat: (y: number) => `${Math.round(100 * y)} %`,
};

const distanceData = {
  series: [
    { name: 'non-nested', colour: PALETTE.plain, values: [5, 3, 4, 2.5, 3.5, 3] },
    { name: 'nested', colour: PALETTE.residual, values: [5, 3.2, 2.2, 1.4, 0.9, 0.5] },
  ],
  shown: 3,
  xLabel: 'function class',
  yLabel: 'distance to f*',
};

const xs = Array.from({ length: 9 }, (_, i) => i / 8);
const fitData = {
  target: { name: 'target', colour: PALETTE.muted, xs, ys: xs.map((x) => Math.sin(6 * x)) },
  points: { xs: xs.slice(1, -1), ys: xs.slice(1, -1).map((x) => Math.sin(6 * x) + 0.05) },
  fits: [
    { name: 'plain', colour: PALETTE.plain, xs, ys: xs.map((x) => 0.8 * Math.sin(6 * x)), dashed: true },
    { name: 'residual', colour: PALETTE.residual, xs, ys: xs.map((x) => 0.95 * Math.sin(6 * x)) },
  ],
};

const n = (id: string, shape: number[], extra: Partial<DiagramNode> = {}): DiagramNode => ({
  id,
  label: id,
  shape,
  params: 1_000,
  ...extra,
});
const diagram: DiagramInput = {
  overview: ['X', 'b1', 'b2', 'Linear'].map((id) => n(id, [1, 64, 8, 8])),
  detail: {
    kind: 'block',
    parentId: 'b2',
    nodes: [
      n('b2.0.conv1', [1, 64, 8, 8]),
      n('b2.0.add', [1, 64, 8, 8], { op: 'add', label: '+' }),
      n('b2.0.conv3', [1, 64, 8, 8], { shortcut: true }),
    ],
  },
  current: 'b2.0.conv1',
  ancestors: ['b2', 'b2.0'],
};

describe('every SVG drawer on fixed data (snapshots under __snapshots__/drawers/)', () => {
  it('the experiment loss chart: log₂ depth, log₁₀ loss, labels at the lines’ ends', async () => {
    await expect(drawn((svg) => drawLineChart(svg, lossChart(lossData)))).toMatchFileSnapshot(file('lossChart'));
  });
  it('the experiment loss chart in projector mode (text ×1.5)', async () => {
    await expect(drawn((svg) => drawLineChart(svg, lossChart(lossData), 1.5))).toMatchFileSnapshot(
      file('lossChart-projector'),
    );
  });
  it('the race’s loss curves: a dashed reference, dots, a point past xMax left out', async () => {
    await expect(drawn((svg) => drawLineChart(svg, curveChart(curveData)))).toMatchFileSnapshot(file('curveChart'));
  });
  it('the race’s accuracy curves: fixed y range, percent ticks, text ×1.5', async () => {
    await expect(drawn((svg) => drawLineChart(svg, curveChart(accuracyData), 1.5))).toMatchFileSnapshot(
      file('curveChart-accuracy-projector'),
    );
  });
  it('the distance chart: F1…F6, the first three strong, the rest faint', async () => {
    await expect(drawn((svg) => drawLineChart(svg, distanceChart(distanceData)))).toMatchFileSnapshot(
      file('distanceChart'),
    );
  });
  it('the fit chart: the target thick and grey, its points, the fits, a legend row', async () => {
    await expect(drawn((svg) => drawLineChart(svg, fitChart(fitData)))).toMatchFileSnapshot(file('fitChart'));
  });
  it('a chart drawn twice with new data is the chart drawn once with it', () => {
    const once = drawn((svg) => drawLineChart(svg, lossChart(lossData)));
    const twice = drawn((svg) => {
      drawLineChart(svg, distanceChart(distanceData));
      drawLineChart(svg, lossChart({ ...lossData, series: [] }));
      drawLineChart(svg, lossChart(lossData));
    });
    expect(twice).toBe(once);
  });
  it('the function-classes figure panel (warm, step 2 of 3)', async () => {
    const svg = drawn((s) =>
      drawFunctionClassesPanel(s, {
        width: 100,
        height: 80,
        regions: [
          { cx: 30, cy: 40, rx: 14, ry: 10, angle: 0, labelAt: { x: 30, y: 40 } },
          { cx: 45, cy: 40, rx: 24, ry: 16, angle: 0.3, labelAt: { x: 55, y: 30 } },
          { cx: 50, cy: 42, rx: 34, ry: 24, angle: -0.2, labelAt: { x: 70, y: 55 } },
        ],
        shown: 2,
        truth: { x: 80, y: 20 },
        best: [
          { point: { x: 42, y: 35 }, distance: '40.3' },
          { point: { x: 64, y: 30 }, distance: '18.9' },
          { point: { x: 78, y: 24 }, distance: '4.5' },
        ],
        palette: 'warm',
        truthLabel: 'f*, drag to move',
      }),
    );
    await expect(svg).toMatchFileSnapshot(file('functionClassesPanel'));
  });
  it('the gradient heatmap: 3 layers × 2 probes of 4 steps', async () => {
    const svg = drawn((s) =>
      drawGradientHeatmap(s, {
        layers: 3,
        probes: [
          { step: 1, norms: [1, 0.1, 0.01] },
          { step: 2, norms: [0.5, 0.05, 0] },
        ],
        totalSteps: 4,
        logRange: [-3, 0],
      }),
    );
    await expect(svg).toMatchFileSnapshot(file('gradientHeatmap'));
  });
  it('the loss landscape: two 3×3 maps, one a dashed reference', async () => {
    const loss = (s: number) => Array.from({ length: 9 }, (_, i) => s * (1 + (i % 3) + Math.floor(i / 3)));
    const svg = drawn((s) =>
      drawLandscape(s, {
        panels: [
          { title: 'plain, 8', size: 3, loss: loss(0.5), notes: ['centre 0.5'], colour: PALETTE.plain },
          {
            title: 'residual, 8',
            subtitle: 'reference',
            size: 3,
            loss: loss(0.2),
            notes: [],
            colour: PALETTE.residual,
            dashed: true,
          },
        ],
        range: [0.2, 2.5],
        labels: { colourBar: 'loss', sliceX: 'a', sliceY: 'loss', slice: 'slice at b = 0' },
      }),
    );
    // every grid point is a coloured cell, and the contours' clip is the whole map (the clip's
    // rectangle was once taken as the first cell: a white corner and contours clipped to it)
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelectorAll('g.landscape-panel')[0]!.querySelectorAll('rect.cell')).toHaveLength(9);
    expect(doc.querySelector('clipPath rect')?.getAttribute('width')).toBe('150');
    await expect(svg).toMatchFileSnapshot(file('landscape'));
  });
  it('the loss landscape: a column is as wide as its longest subtitle, so two never run into each other', () => {
    const loss = Array.from({ length: 9 }, (_, i) => 1 + i);
    const subtitle = 'PyTorch, 400 steps, 21 × 21 grid';
    const panel = { title: 'plain, 56', subtitle, size: 3, loss, notes: [], colour: PALETTE.plain };
    const svg = drawn((s) =>
      drawLandscape(s, {
        panels: [panel, { ...panel, title: 'residual, 56' }],
        range: [1, 9],
        labels: { colourBar: 'loss', sliceX: 'a', sliceY: 'loss', slice: 'slice' },
      }),
    );
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const x = [...doc.querySelectorAll('g.landscape-panel')].map(
      (g) => +/translate\(([\d.]+),/.exec(g.getAttribute('transform')!)![1]!,
    );
    // 11 px text: at least 0.6 em per character
    expect(x[1]! - x[0]!).toBeGreaterThanOrEqual(subtitle.length * 0.6 * 11);
  });
  it('the architecture diagram for slides', async () => {
    const svg = slidesDiagramSvg(diagram, ['ResNet: a block', 'shape (1, 64, 8, 8)'], {
      params: (k) => `${k} params`,
      skip: 'skip connection',
    });
    await expect(`${svg.replace(/></g, '>\n<')}\n`).toMatchFileSnapshot(file('slidesDiagram'));
  });
});
