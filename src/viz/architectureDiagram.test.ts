import { describe, expect, it } from 'vitest';
import {
  boxBaselines,
  EDGE,
  layoutArchitecture,
  minBoxWidth,
  shapeLabel,
  type DiagramInput,
  type DiagramNode,
} from './architectureDiagram';
import { layoutProbabilities } from './probabilityChart';
import { layoutLegend } from './legend';

const n = (id: string, shape: number[], extra: Partial<DiagramNode> = {}): DiagramNode => ({
  id,
  label: id,
  shape,
  params: 10,
  ...extra,
});

const overview = ['input', 'b1', 'b2', 'b3', 'b4', 'b5', 'pool', 'flatten', 'linear'].map((id) =>
  n(id, [1, 64, 56, 56]),
);
const block: DiagramInput = {
  overview,
  detail: {
    kind: 'block',
    parentId: 'b3',
    nodes: [
      n('b3.0.conv1', [1, 128, 28, 28]),
      n('b3.0.bn1', [1, 128, 28, 28]),
      n('b3.0.relu', [1, 128, 28, 28]),
      n('b3.0.conv2', [1, 128, 28, 28]),
      n('b3.0.bn2', [1, 128, 28, 28]),
      n('b3.0.conv3', [1, 128, 28, 28], { shortcut: true }),
      n('b3.0.add', [1, 128, 28, 28], { op: 'add' }),
      n('b3.0.relu2', [1, 128, 28, 28]),
    ],
  },
  current: 'b3.0.conv3',
  ancestors: ['b3', 'b3.0', 'b3.0.conv3'],
};

describe('layoutArchitecture', () => {
  it('lays out a block with its skip connection, 1×1 projection and addition (fixed snapshot)', () => {
    const layout = layoutArchitecture(block, 1200);
    expect(layout.boxes).toHaveLength(17);
    const conv3 = layout.boxes.find((b) => b.node.id === 'b3.0.conv3');
    const bn2 = layout.boxes.find((b) => b.node.id === 'b3.0.bn2');
    const add = layout.boxes.find((b) => b.node.id === 'b3.0.add');
    expect(conv3?.state).toBe('current');
    expect(conv3?.y).toBeGreaterThan(bn2?.y ?? Infinity); // on the shortcut lane, below the main path
    expect(add?.round).toBe(true);
    expect(layout.boxes.find((b) => b.node.id === 'b3')?.state).toBe('ancestor');
    expect(layout.edges.filter((e) => e.kind === 'skip')).toHaveLength(1);
    // boxes never overlap and stay inside the width
    for (const b of layout.boxes) expect(b.x + b.w).toBeLessThanOrEqual(layout.width - EDGE + 1e-9);
    expect(layout).toMatchSnapshot();
  });

  it('keeps the same height whatever is opened, so stepping never moves the page', () => {
    const heights = [
      layoutArchitecture(block, 900).height,
      layoutArchitecture(
        { ...block, detail: { kind: 'chain', parentId: 'b1', nodes: [n('b1.conv', [1, 64, 112, 112])] } },
        900,
      ).height,
      layoutArchitecture({ overview, current: 'linear', ancestors: ['linear'] }, 900).height,
    ];
    expect(new Set(heights).size).toBe(1);
  });

  it('grows its rows with the page’s text scale (projector mode), so larger labels keep their room', () => {
    const k = 21 / 16;
    const normal = layoutArchitecture(block, 1500);
    const large = layoutArchitecture(block, 1500, k);
    // rows grow with the text, the gaps between them do not
    expect(large.height).toBeGreaterThan(normal.height * 1.2);
    expect(large.height).toBeLessThan(normal.height * k);
    const rect = (l: typeof normal) => l.boxes.find((b) => b.node.id === 'b3.0.conv1')!;
    expect(rect(large).h).toBeCloseTo(rect(normal).h * k);
    // the three lines of a box stay inside it, at the same share of its height
    expect(boxBaselines(k).params).toBeLessThan(rect(large).h);
    expect(boxBaselines(k).params / rect(large).h).toBeCloseTo(boxBaselines().params / rect(normal).h);
    for (const b of large.boxes) expect(b.x + b.w).toBeLessThanOrEqual(large.width - EDGE + 1e-9);
  });

  it('sizes every box to its text and keeps every box, border included, inside the drawing', () => {
    // a bottleneck block (ResNet-50) has ten steps on its main path; its shapes are long
    const wide = (id: string, extra: Partial<DiagramNode> = {}) =>
      n(id, [1, 128, 16, 16], { params: 147_584, ...extra });
    const bottleneck: DiagramInput = {
      ...block,
      detail: {
        kind: 'block',
        parentId: 'b3',
        nodes: ['conv1', 'bn1', 'relu', 'conv2', 'bn2', 'relu', 'conv3', 'bn3', 'add', 'relu2']
          .map((id, i) => wide(`b3.0.${id}${i}`, id === 'add' ? { op: 'add' } : {}))
          .concat(wide('b3.0.conv4', { shortcut: true })),
      },
    };
    for (const [input, width, k] of [
      [bottleneck, 1150, 1],
      [bottleneck, 1326, 21 / 16],
      [block, 1200, 1],
    ] as const) {
      const l = layoutArchitecture(input, width, k);
      expect(l.width).toBeGreaterThanOrEqual(width);
      for (const b of l.boxes) {
        if (!b.round) expect(b.w, b.node.id).toBeGreaterThanOrEqual(minBoxWidth(b.node, k) - 1e-9);
        expect(b.x, b.node.id).toBeGreaterThanOrEqual(EDGE);
        expect(b.y, b.node.id).toBeGreaterThanOrEqual(EDGE);
        expect(b.x + b.w, b.node.id).toBeLessThanOrEqual(l.width - EDGE + 1e-9);
        expect(b.y + b.h, b.node.id).toBeLessThanOrEqual(l.height - EDGE + 1e-9);
      }
    }
    // "(1, 128, 16, 16)" in 12 px monospace is 115 px wide: the box is wider
    expect(minBoxWidth(wide('x'))).toBeGreaterThan(16 * 7.2);
  });

  it('writes shapes as the notebook does', () => {
    expect(shapeLabel([1, 512, 7, 7])).toBe('(1, 512, 7, 7)');
  });
});

describe('layoutProbabilities', () => {
  it('marks the predicted class and the true label, with bar lengths proportional to p', () => {
    const p = [0.1, 0.6, 0.3];
    const l = layoutProbabilities(p, ['a', 'b', 'c'], 400, 2);
    expect(l.bars.map((b) => [b.predicted, b.truth])).toEqual([
      [false, false],
      [true, false],
      [false, true],
    ]);
    expect((l.bars[1]?.w ?? 0) / (l.bars[0]?.w ?? 1)).toBeCloseTo(6);
  });
});

describe('layoutLegend', () => {
  it('gives gradient stops and ticks inside the bar', () => {
    const l = layoutLegend({ min: -2, max: 2, colormap: 'diverging' }, 200);
    expect(l.stops).toHaveLength(11);
    expect(l.ticks.map((t) => t.label)).toContain('0');
    expect(l.ticks.find((t) => t.label === '0')?.x).toBeCloseTo(100);
  });
});
