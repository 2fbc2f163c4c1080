import { describe, expect, it } from 'vitest';
import { archNodes, archSpec } from '../../model';
import type { BackendName } from '../../model/types';
import { convArithmetic } from './convArithmetic';
import { diagramInput } from './diagramInput';
import type { TraceSummary } from './traceTypes';
import { StepList } from './steps';

const nodes = archNodes(archSpec('resnet18'), [1, 1, 224, 224]);
const steps = new StepList(nodes);
const blockName = (i: number) => `Block ${i}`;
const ids = (ns: readonly { id: string }[]) => ns.map((n) => n.id);

describe('diagramInput', () => {
  it('always shows the overview row, with the current step and its ancestors highlighted', () => {
    const d = diagramInput(steps, 'b3.0.conv3', blockName);
    expect(ids(d.overview)).toEqual(steps.top);
    expect(d.current).toBe('b3.0.conv3');
    expect(d.ancestors).toEqual(['b3', 'b3.0', 'b3.0.conv3']);
  });
  it('opens the block we are in, marking the 1×1 projection on the skip connection and the addition as +', () => {
    const d = diagramInput(steps, 'b3.0.conv3', blockName);
    expect(d.detail?.kind).toBe('block');
    expect(d.detail?.parentId).toBe('b3');
    const conv3 = d.detail?.nodes.find((n) => n.id === 'b3.0.conv3');
    expect(conv3?.shortcut).toBe(true);
    expect(d.detail?.nodes.find((n) => n.id === 'b3.0.add')?.label).toBe('+');
    expect(d.detail?.nodes.find((n) => n.id === 'b3.0.conv1')?.shortcut).toBeUndefined();
  });
  it("opens a stage's blocks, named by the caller; b1 (also for the input) as a chain; the head as mirrored layers", () => {
    const stage = diagramInput(steps, 'b2', blockName);
    expect(stage.detail).toMatchObject({ kind: 'blocks', parentId: 'b2' });
    expect(stage.detail?.nodes.map((n) => n.label)).toEqual(['Block 0', 'Block 1']);
    expect(diagramInput(steps, 'input', blockName).detail).toMatchObject({ kind: 'chain', parentId: 'b1' });
    expect(ids(diagramInput(steps, 'input', blockName).detail?.nodes ?? [])).toEqual(steps.get('b1').children);
    const head = diagramInput(steps, 'linear', blockName).detail;
    expect(head?.kind).toBe('chain');
    expect(ids(head?.nodes ?? [])).toEqual(['pool', 'flatten', 'linear']);
    expect(head?.nodes.every((n) => n.mirror)).toBe(true);
  });
  it("gives each box its step's parameters and shape", () => {
    const b1conv = diagramInput(steps, 'b1', blockName).detail?.nodes[0];
    expect(b1conv).toMatchObject({ id: 'b1.conv', shape: [1, 64, 112, 112], params: 64 * 1 * 7 * 7 + 64 });
  });
});

describe('convArithmetic', () => {
  const summary = { nodes, ms: 0, steps, backend: 'cpu' as BackendName } satisfies TraceSummary;
  it("fills ⌊(H + 2p − k)/s⌋ + 1 with the convolution's own numbers", () => {
    expect(convArithmetic(steps.get('b1.conv'), summary)).toEqual({
      k: 7,
      s: 2,
      p: 3,
      cin: 1,
      cout: 64,
      h: 224,
      h2: 112,
    });
    // the 1×1 projection reads the block's input
    expect(convArithmetic(steps.get('b3.0.conv3'), summary)).toEqual({
      k: 1,
      s: 2,
      p: 0,
      cin: 64,
      cout: 128,
      h: 56,
      h2: 28,
    });
  });
  it('says nothing for a step that is not a convolution', () => {
    expect(convArithmetic(steps.get('b1.bn'), summary)).toBeUndefined();
    expect(convArithmetic(steps.get('b3'), summary)).toBeUndefined();
  });
});
