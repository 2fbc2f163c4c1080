import { describe, expect, it } from 'vitest';
import { archNodes, archSpec } from '../../model';
import { activationBudget, checkActivationMemory, compareVariants, sortNodes } from './compare';

describe('the variants side by side', () => {
  it('gives every variant its depth, parameters, multiply-adds and activation memory from the description', () => {
    const rows = compareVariants(224);
    expect(rows.map((r) => r.depth)).toEqual([18, 34, 50, 101, 152, 18, 34]);
    const r152 = rows.find((r) => r.arch.id === 'resnet152');
    // ≈ 310 MB at 224×224, as the issue measured; 11.4 G multiply-adds against the paper's 11.3 G FLOPs
    expect(Math.round((r152?.activationBytes ?? 0) / 1e6)).toBe(312);
    expect(r152?.multiplyAdds).toBe(11_432_923_136);
    expect(r152?.paperFlops).toBe(11.3e9);
  });

  it('refuses ResNet-152 at 224×224 under the default budget, and lets ResNet-18 run', () => {
    const budget = activationBudget(undefined);
    expect(checkActivationMemory(archSpec('resnet152'), 224, budget)).toMatchObject({ budgetBytes: 256 * 2 ** 20 });
    expect(checkActivationMemory(archSpec('resnet18'), 224, budget)).toBeUndefined();
    expect(activationBudget(1)).toBe(2 ** 27);
  });

  it('sorts the layers by cost, largest first, execution order breaking ties', () => {
    const nodes = archNodes(archSpec('resnet18'), [1, 1, 64, 64]);
    const byParams = sortNodes(nodes, 'params', true);
    expect(byParams[0]?.params.paramCount).toBe(Math.max(...nodes.map((n) => n.params.paramCount)));
    expect(sortNodes(nodes, 'bytes', false)[0]?.bytes).toBe(Math.min(...nodes.map((n) => n.bytes)));
    expect(sortNodes(nodes, 'order', false).map((n) => n.path)).toEqual(nodes.map((n) => n.path));
  });
});
