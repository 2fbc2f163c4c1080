import { describe, expect, it } from 'vitest';
import type { BlockPath } from '../model/types';
import { blockDiagramLayout, textColumns } from './blockDiagram';

/** The notebook's block by name, as src/model/blocks.ts describes it (RESIDUAL_PATH). */
const NAMES: BlockPath = {
  main: ['conv1', 'bn1', 'relu', 'conv2', 'bn2'],
  lastConv: 'conv2',
  shortcut: 'conv3',
  add: 'add',
  out: 'relu2',
};

describe('blockDiagramLayout', () => {
  it('draws the regular block without a shortcut or addition', () => {
    const l = blockDiagramLayout('regular', NAMES);
    expect(l.nodes.map((n) => n.id)).toEqual(['input', 'conv1', 'bn1', 'relu', 'conv2', 'bn2', 'relu2', 'output']);
    expect(l.edges.some((e) => e.shortcut)).toBe(false);
  });
  it('adds the identity shortcut into the addition', () => {
    const l = blockDiagramLayout('identity', NAMES);
    expect(l.nodes.map((n) => n.id)).toContain('add');
    expect(l.edges.filter((e) => e.shortcut).map((e) => [e.from, e.to])).toEqual([['input', 'add']]);
  });
  it('puts conv3 on the shortcut with the 1×1 convolution, above the main path', () => {
    const l = blockDiagramLayout('conv1x1', NAMES);
    const conv3 = l.nodes.find((n) => n.id === 'conv3');
    const conv2 = l.nodes.find((n) => n.id === 'conv2');
    expect(conv3 && conv2 && conv3.y + conv3.h < conv2.y).toBe(true);
    expect(l.edges.filter((e) => e.shortcut).map((e) => e.to)).toEqual(['conv3', 'add']);
  });
  it('is deterministic: same layout, same path strings', () => {
    expect(blockDiagramLayout('conv1x1', NAMES, { box: 50 })).toEqual(
      blockDiagramLayout('conv1x1', NAMES, { box: 50 }),
    );
    const l = blockDiagramLayout('identity', NAMES, { box: 50, gap: 20 });
    // input box: x = 8, w = 44; conv1 starts one gap later; the main row's centre is 8 + 30 + 56 + 40/2
    expect(l.edges[0]?.d).toBe('M52,114L72,114');
    for (const n of l.nodes) expect(n.x + n.w).toBeLessThanOrEqual(l.width);
  });
  it('grows its rows and too-narrow boxes with the page’s text scale (projector mode)', () => {
    const normal = blockDiagramLayout('conv1x1', NAMES, { box: 52, notes: true });
    const large = blockDiagramLayout('conv1x1', NAMES, { box: 52, notes: true, textScale: 1.5 });
    const conv1 = (l: typeof normal) => l.nodes.find((n) => n.id === 'conv1')!;
    expect(conv1(large).h).toBeCloseTo(conv1(normal).h * 1.5);
    expect(conv1(large).w).toBeGreaterThanOrEqual(51 * 1.5);
    expect(large.height / normal.height).toBeCloseTo(1.5, 1);
    // wide boxes stay as wide: the text grows against the picture
    expect(blockDiagramLayout('identity', NAMES, { box: 92, textScale: 1.3 }).nodes[1]!.w).toBe(92);
  });
  it('keeps neighbouring notes apart, however large the text', () => {
    for (const k of [1, 21 / 16, 1.5]) {
      const l = blockDiagramLayout('identity', NAMES, { box: 92, gap: 30, notes: true, noteColumns: 12, textScale: k });
      const [input, conv1] = l.nodes;
      const centres = conv1!.x + conv1!.w / 2 - (input!.x + input!.w / 2);
      expect(centres).toBeGreaterThanOrEqual(12 * 0.6 * 11 * k + 8 * k - 1e-9);
      // and the end tensors' notes stay inside the picture
      expect(input!.x + input!.w / 2).toBeGreaterThanOrEqual((12 * 0.6 * 11 * k + 8 * k) / 2 - 1e-9);
    }
    expect(textColumns('(4, 3, 6, 6)')).toBe(12);
    expect(textColumns('在此失败')).toBe(8);
  });
  it('frames exactly the learning layers', () => {
    const l = blockDiagramLayout('identity', NAMES);
    const inside = l.nodes.filter((n) => n.x >= l.learner.x && n.x + n.w <= l.learner.x + l.learner.w).map((n) => n.id);
    expect(inside).toEqual(['conv1', 'bn1', 'relu', 'conv2', 'bn2']);
  });
});
