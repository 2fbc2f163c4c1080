import { readFileSync } from 'node:fs';
import table from '../model/__fixtures__/variants-table.json';
import { ARCHITECTURES, archNodes } from '../model';
import { beforeAll, describe, expect, it } from 'vitest';
import { ResNet, randomInput, traceForward } from '../model';
import { useNodeBackend } from '../model/testBackend';
import { blockPrints, seedCell9Lines, torchSize } from './notebookPrints';

beforeAll(async () => {
  await useNodeBackend();
});

describe("the notebook's printout", () => {
  it('is rebuilt line for line from a real trace of (1, 1, 224, 224)', () => {
    const net = ResNet.random(3);
    const x = randomInput([1, 1, 224, 224], 0);
    const trace = traceForward(net, x);
    const expected = readFileSync(new URL('./__fixtures__/notebook-cell9.txt', import.meta.url), 'utf8');
    expect(
      seedCell9Lines(trace.nodes)
        .map((l) => l.text)
        .join('\n') + '\n',
    ).toBe(expected);
    expect(blockPrints(trace.nodes, 'b3.0')).toEqual([
      { text: 'torch.Size([1, 128, 28, 28])', path: 'b3.0.bn2', beforeAdd: 'b3.0.add' },
      { text: 'torch.Size([1, 128, 28, 28])', path: 'b3.0.conv3', beforeAdd: 'b3.0.add' },
    ]);
    expect(blockPrints(trace.nodes, 'b2.1')[1]?.path).toBe('b2.0.relu2');
    trace.dispose();
    x.dispose();
    net.dispose();
  });

  it('prints shapes as PyTorch does', () => {
    expect(torchSize([4, 3, 6, 6])).toBe('torch.Size([4, 3, 6, 6])');
  });
});

describe("every variant's printout against PyTorch", () => {
  const rows = table as unknown as Record<string, { prints: string[] }>;
  it.each(ARCHITECTURES.map((a) => [a.id, a] as const))('%s prints what PyTorch prints at 224×224', (id, arch) => {
    const lines = seedCell9Lines(archNodes(arch, [1, 1, 224, 224])).map((l) => l.text);
    expect(lines).toEqual(rows[id]?.prints);
  });
});
