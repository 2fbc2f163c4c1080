/**
 * The race's training held to PyTorch in Node on WASM: every fixture network of
 * public/race/pytorch-check/ (training/grad_fixtures.py) trained with RaceTrainer, the loss,
 * every gradient, the probed layer norms and the parameters after three steps within
 * ‖a − b‖ ≤ 1e-4·‖b‖ + 1e-6·G per tensor. (The CPU backend: gradCheck.cpu.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { sketch } from './gradCheck';
import { checkOn, describeCheck, FIXTURES } from './gradCheck.testing';
import { RACE_BUDGETS } from './budgets';

describe('the fixtures', () => {
  it("follow the race recipe and cover every budget's networks", () => {
    for (const budget of Object.values(RACE_BUDGETS)) {
      expect(FIXTURES.recipe.learningRate).toBe(budget.learningRate);
      expect(FIXTURES.recipe.momentum).toBe(budget.momentum);
      for (const n of budget.ns) {
        const ids = FIXTURES.networks.filter((f) => f.spec.n === n && f.spec.width === budget.width);
        expect(ids.map((f) => f.spec.family).sort()).toEqual(['plain', 'residual']);
      }
    }
  });

  it('sketch a vector linearly, keeping its norm within a few per cent', () => {
    const v = Array.from({ length: 5000 }, (_, i) => Math.sin(i * 1.7) + (i % 7) / 7);
    const sv = sketch(v, 256);
    const sw = sketch(
      v.map((x) => 2 * x),
      256,
    );
    sv.forEach((s, k) => expect(sw[k]).toBeCloseTo(2 * s, 9));
    const norm = (a: ArrayLike<number>) => Math.hypot(...Array.from(a));
    expect(norm(sv) / norm(v)).toBeGreaterThan(0.85);
    expect(norm(sv) / norm(v)).toBeLessThan(1.15);
  });
});

describe('on wasm', () => {
  for (const { id } of FIXTURES.networks)
    it(`${id}: loss, gradients, layer norms and 3 steps match PyTorch`, async () => {
      const r = await checkOn('wasm', id);
      expect(r.backend).toBe('wasm');
      expect(r.leaked).toBe(0);
      expect(r.failed).toEqual([]);
      expect(r.check.comparisons).toHaveLength(r.expected);
      console.log(describeCheck('wasm', r.check));
    });
});
