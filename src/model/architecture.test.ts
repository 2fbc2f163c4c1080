import { describe, expect, it } from 'vitest';
import { archNodes, archStages, convOutputSize, stateDictShapes } from './architecture';
import { RESNET18 } from './variants';

describe("the notebook's ResNet-18 as data", () => {
  it("gives the notebook's stage shapes for (1, 1, 224, 224)", () => {
    const nodes = archNodes(RESNET18, [1, 1, 224, 224]);
    const shape = (p: string) => nodes.find((n) => n.path === p)?.shape;
    expect(shape('b1.maxpool')).toEqual([1, 64, 56, 56]);
    expect(shape('b2.1.relu2')).toEqual([1, 64, 56, 56]);
    expect(shape('b3.1.relu2')).toEqual([1, 128, 28, 28]);
    expect(shape('b4.1.relu2')).toEqual([1, 256, 14, 14]);
    expect(shape('b5.1.relu2')).toEqual([1, 512, 7, 7]);
    expect(shape('pool')).toEqual([1, 512, 1, 1]);
    expect(shape('flatten')).toEqual([1, 512]);
    expect(shape('linear')).toEqual([1, 10]);
    expect(shape('b1.conv')).toEqual([1, 64, 112, 112]);
    expect(shape('b3.0.conv3')).toEqual([1, 128, 28, 28]);
  });

  it('has a 1×1 shortcut in the first block of b3, b4, b5 only', () => {
    const paths = archNodes(RESNET18, [1, 1, 96, 96])
      .filter((n) => n.path.endsWith('conv3'))
      .map((n) => n.path);
    expect(paths).toEqual(['b3.0.conv3', 'b4.0.conv3', 'b5.0.conv3']);
  });

  it("builds the stages like the notebook's resnet_block: b2 keeps channels, the others start with a 1×1 conv and stride 2", () => {
    const stages = archStages(RESNET18);
    expect(stages.map((s) => s.name)).toEqual(['b2', 'b3', 'b4', 'b5']);
    const args = (i: number) => stages[i]!.blocks.map((b) => [b.inputChannels, b.numChannels, b.use1x1conv, b.strides]);
    // resnet_block(64, 64, 2, first_block=True)
    expect(args(0)).toEqual([
      [64, 64, false, 1],
      [64, 64, false, 1],
    ]);
    // resnet_block(64, 128, 2)
    expect(args(1)).toEqual([
      [64, 128, true, 2],
      [128, 128, false, 1],
    ]);
  });

  it('counts the same learned parameters in the nodes as in the state_dict', () => {
    const fromNodes = archNodes(RESNET18, [1, 1, 224, 224]).reduce((a, n) => a + n.params.paramCount, 0);
    const fromDict = stateDictShapes()
      .filter(([k]) => !k.includes('running_'))
      .reduce((a, [, s]) => a + s.reduce((x, y) => x * y, 1), 0);
    expect(fromNodes).toBe(fromDict);
  });

  it("names weights by the notebook's state_dict keys", () => {
    const keys = stateDictShapes().map(([k]) => k);
    expect(keys.slice(0, 6)).toEqual([
      '0.0.weight',
      '0.0.bias',
      '0.1.weight',
      '0.1.bias',
      '0.1.running_mean',
      '0.1.running_var',
    ]);
    expect(keys).toContain('1.0.conv1.weight');
    expect(keys).toContain('2.0.conv3.weight');
    expect(keys).not.toContain('1.0.conv3.weight');
    expect(keys.slice(-2)).toEqual(['7.weight', '7.bias']);
  });

  it('computes ⌊(H + 2p − k)/s⌋ + 1', () => {
    expect(convOutputSize(224, 7, 2, 3)).toBe(112);
    expect(convOutputSize(6, 3, 2, 1)).toBe(3);
    expect(convOutputSize(7, 1, 2, 0)).toBe(4);
  });

  it('rejects impossible shapes with a readable message', () => {
    expect(() => archNodes(RESNET18, [1, 3, 224, 224])).toThrow(/1 channel/);
    expect(() => archNodes(RESNET18, [1, 1, 0, 224])).toThrow(/positive integer/);
    expect(() => archNodes(RESNET18, [1, 1, 224])).toThrow(/4-D/);
  });
});
