import { describe, expect, it } from 'vitest';
import { ARCHITECTURES, archNodes, archSpec, RESNET18 } from '../../model';
import { variantCode } from './variantCode';
import { consoleLines, codeLinesFor } from './notebookLines';
import { NOTEBOOK_CODE } from './notebookCode';
import { StepList, explanationKey } from './steps';

const nodes = archNodes(RESNET18, [1, 1, 224, 224]);
const steps = new StepList(nodes);

describe('StepList', () => {
  it("has the notebook's top level: input, b1 … b5, pooling, flatten, linear", () => {
    expect(steps.top).toEqual(['input', 'b1', 'b2', 'b3', 'b4', 'b5', 'pool', 'flatten', 'linear']);
    expect(steps.get('b3').children).toEqual(['b3.0', 'b3.1']);
    expect(steps.get('b3.0').children).toEqual([
      'b3.0.conv1',
      'b3.0.bn1',
      'b3.0.relu',
      'b3.0.conv2',
      'b3.0.bn2',
      'b3.0.conv3',
      'b3.0.add',
      'b3.0.relu2',
    ]);
    expect(steps.get('b2.0').children).not.toContain('b2.0.conv3');
    expect(steps.get('b3').node.shape).toEqual([1, 128, 28, 28]);
    expect(steps.get('b1').node.path).toBe('b1.maxpool');
  });

  it('steps over, into and out like a debugger', () => {
    expect(steps.next('b2')).toBe('b3');
    expect(steps.into('b3')).toBe('b3.0');
    expect(steps.into('b3.0')).toBe('b3.0.conv1');
    expect(steps.next('b3.0.relu2')).toBe('b3.1');
    expect(steps.next('b3.1.relu2')).toBe('b4');
    expect(steps.out('b3.0.conv3')).toBe('b3.0');
    expect(steps.out('b3')).toBe('b3');
    expect(steps.previous('b3.0.conv1')).toBe('b3.0');
    expect(steps.previous('b3')).toBe('b2');
    expect(steps.next('linear')).toBe('linear');
    expect(steps.previous('input')).toBe('input');
    expect(steps.into('linear')).toBe('linear');
  });

  it('walks every operation in execution order with nextOp, and back with previousOp', () => {
    const seen = [steps.first()];
    for (let id = steps.first(); steps.nextOp(id) !== id; id = steps.nextOp(id)) seen.push(steps.nextOp(id));
    expect(seen).toEqual(nodes.map((n) => n.path));
    expect(steps.previousOp('b3.0.conv1')).toBe('b2.1.relu2');
    expect(steps.nextOp('b3')).toBe('b4.0.conv1');
  });

  it('gives the ancestry for the breadcrumb and an explanation key for every step', () => {
    expect(steps.ancestry('b3.0.conv3').map((s) => s.id)).toEqual(['b3', 'b3.0', 'b3.0.conv3']);
    expect(explanationKey(steps.get('b3.0.conv3'))).toBe('shortcut');
    expect(explanationKey(steps.get('b3.0.add'))).toBe('add');
    expect(explanationKey(steps.get('b1.maxpool'))).toBe('maxpool');
    expect(new Set(steps.all().map(explanationKey))).toEqual(
      new Set([
        'input',
        'stage',
        'block',
        'conv',
        'batchnorm',
        'relu',
        'relu2',
        'maxpool',
        'shortcut',
        'add',
        'avgpool',
        'flatten',
        'linear',
      ]),
    );
  });
});

describe("the notebook's code and console", () => {
  const ids = new Set(NOTEBOOK_CODE.map((l) => l.id).filter(Boolean));
  it('maps every step to lines that exist', () => {
    for (const item of steps.all()) {
      const { current, context } = codeLinesFor(item);
      expect(current.length).toBeGreaterThan(0);
      for (const id of [...current, ...context]) expect(ids.has(id), `${item.id} → ${id}`).toBe(true);
    }
    expect(codeLinesFor(steps.get('b3.0.conv3')).current).toEqual(['fwd.shortcut']);
    expect(codeLinesFor(steps.get('b3.0.relu')).current).toEqual(['fwd.y1']);
    expect(codeLinesFor(steps.get('b3.0.conv1')).context).toEqual(['b3', 'blk.first']);
    expect(codeLinesFor(steps.get('b2.0.conv1')).context).toEqual(['b2', 'blk.other']);
  });

  it("prints Y.shape and X.shape at the addition, and a layer's line when it is done", () => {
    const lines = consoleLines(nodes);
    expect(lines).toHaveLength(24);
    const upTo = (id: string) => lines.filter((l) => l.printedAt <= steps.get(id).order).map((l) => l.text);
    expect(upTo('b2.0.bn2')).toEqual(upTo('b1'));
    expect(upTo('b1')).toEqual(['Sequential output shape:\t torch.Size([1, 64, 56, 56])']);
    expect(upTo('b3.0.add').slice(-2)).toEqual(['torch.Size([1, 128, 28, 28])', 'torch.Size([1, 128, 28, 28])']);
    expect(upTo('linear')).toHaveLength(24);
  });
});

describe('explanations', () => {
  it('has an English and a Chinese text for every kind of step', async () => {
    const { stepperStrings } = await import('../../i18n/stepper');
    for (const item of steps.all()) {
      const key = explanationKey(item);
      expect(stepperStrings.en.stepper.explain[key], key).toBeTruthy();
      expect(stepperStrings.zh.stepper.explain[key], key).toBeTruthy();
    }
  });
});

describe("every variant's code", () => {
  it.each(ARCHITECTURES.map((a) => [a.id, a] as const))('%s: every step highlights lines of its code', (_, arch) => {
    const code = variantCode(arch);
    const ids = new Set(code.map((l) => l.id).filter(Boolean));
    const list = new StepList(archNodes(arch, [1, 1, 64, 64]));
    for (const item of list.all()) {
      const { current, context } = codeLinesFor(item, code);
      for (const id of [...current, ...context]) expect(ids.has(id), `${item.id} → ${id}`).toBe(true);
    }
    expect(code.filter((l) => l.id === 'blk.first')).toHaveLength(1);
  });

  it('puts a bottleneck stage on the line that built it, and its third 1×1 conv on its own line', () => {
    const list = new StepList(archNodes(archSpec('resnet50'), [1, 1, 64, 64]));
    expect(codeLinesFor(list.get('b2.0.conv4')).current).toEqual(['fwd.shortcut']);
    expect(codeLinesFor(list.get('b2.0.conv4')).context).toEqual(['b2', 'blk.first']);
    expect(codeLinesFor(list.get('b2.1.conv3')).current).toEqual(['fwd.y3']);
    expect(variantCode(archSpec('resnet50')).find((l) => l.id === 'b5')?.text).toBe(
      'b5 = nn.Sequential(*resnet_block(1024, 512, 3))',
    );
  });
});
