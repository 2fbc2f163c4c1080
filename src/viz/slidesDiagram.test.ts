import { describe, expect, it } from 'vitest';
import type { DiagramInput, DiagramNode } from './architectureDiagram';
import { slideDocumentChecks } from './slideChecks';
import { SLIDE_MIN_PT, slidePoints, slidesDiagramSvg, wrapLine } from './slidesDiagram';

const n = (id: string, shape: number[], extra: Partial<DiagramNode> = {}): DiagramNode => ({
  id,
  label: id,
  shape,
  params: 147_584,
  ...extra,
});
const overview = ['X', 'b1', 'b2', 'b3', 'b4', 'b5', 'AdaptiveAvgPool2d', 'Flatten', 'Linear'].map((id) =>
  n(id, [1, 2048, 16, 16]),
);
const bottleneck: DiagramInput = {
  overview,
  detail: {
    kind: 'block',
    parentId: 'b3',
    nodes: ['conv1', 'bn1', 'relu', 'conv2', 'bn2', 'relu', 'conv3', 'bn3', 'add', 'relu2']
      .map((id, i) => n(`b3.0.${id}.${i}`, [1, 128, 16, 16], id === 'add' ? { op: 'add', label: '+' } : {}))
      .concat(n('b3.0.conv4', [1, 512, 8, 8], { shortcut: true })),
  },
  current: 'b3.0.conv1.0',
  ancestors: ['b3', 'b3.0'],
};
const words = { params: (k: number) => `${k.toLocaleString('en-US')} params`, skip: 'skip connection' };
const caption = ['ResNet-50: its layers, shapes and parameters', 'shape (1, 128, 16, 16) · step b3.0.conv1'];

describe('the diagram for slides', () => {
  it('converts font size to points on a 960-pt-wide slide', () => {
    expect(slidePoints(18, 960)).toBe(18);
    expect(slidePoints(11, 1326)).toBeCloseTo(7.96); // the on-screen export's smallest text: 8 pt
  });
  for (const [name, input, lines] of [
    ['a bottleneck block', bottleneck, caption],
    ['the overview', { overview, current: 'b2', ancestors: ['b2'] }, caption],
    ['in Chinese', bottleneck, ['ResNet-50：各层、形状与参数', '形状 (1, 128, 16, 16) · 步骤 b3.0.conv1 '.repeat(4)]],
  ] as const) {
    it(`has text of at least 18 pt and every box inside the view box (${name})`, () => {
      const svg = slidesDiagramSvg(input, lines, words);
      const c = slideDocumentChecks(svg);
      expect(c.texts).toBeGreaterThan(10);
      expect(slidePoints(c.smallestFont, c.viewBox.width)).toBeGreaterThanOrEqual(SLIDE_MIN_PT);
      expect(c.boxes).toBeGreaterThan(5);
      expect(c.outside).toEqual([]);
      expect(c.labelsOutside).toEqual([]);
    });
  }
  it('wraps a long caption, between words or between Chinese characters', () => {
    expect(wrapLine('aaaa bbbb cccc', 10, 65)).toEqual(['aaaa bbbb', 'cccc']);
    expect(wrapLine('形状形状形状', 10, 40)).toEqual(['形状形状', '形状']);
  });
});
