/**
 * The race's training held to PyTorch in Node on WASM: every fixture network of
 * public/race/pytorch-check/ (training/grad_fixtures.py) trained with RaceTrainer, the loss,
 * every gradient, the probed layer norms and the parameters after three steps within
 * ‖a − b‖ ≤ 1e-4·‖b‖ + 1e-6·G + 5·s per tensor, s its float32 spread (gradCheck.ts). (The CPU
 * backend: gradCheck.cpu.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { GRAD_TOLERANCE, sketch } from './gradCheck';
import { checkOn, describeCheck, FIXTURES } from './gradCheck.testing';
import { RACE_BUDGETS } from './budgets';

describe('the fixtures', () => {
  it("follow the race recipe and cover every budget's networks", () => {
    for (const budget of Object.values(RACE_BUDGETS)) {
      expect(FIXTURES.recipe.learningRate).toBe(budget.learningRate);
      expect(FIXTURES.recipe.momentum).toBe(budget.momentum);
      for (const n of budget.ns) {
        const ids = FIXTURES.networks.filter(
          (f) => f.spec.n === n && f.spec.width === budget.width && f.batch === budget.batch,
        );
        expect(ids.map((f) => f.spec.family).sort()).toEqual(['plain', 'residual']);
      }
    }
  });

  it('give every stored number a float32 spread, one that loosens nothing where float32 is well conditioned', () => {
    for (const net of FIXTURES.networks) {
      const stored = [...net.parameters.flatMap((p) => [p.gradient, p.after]), ...net.statistics];
      expect(stored.every((t) => Number.isFinite(t.spread))).toBe(true);
      expect(net.layerGradientNormSpreads).toHaveLength(net.layerGradientNorms.length);
    }
    // the 8-layer plain network's first-step gradients: 5·s stays below the 1e-4 rule's own allowance
    const net = FIXTURES.networks.find((f) => f.id === 'plain-1-w4')!;
    const { relative, ofLargest, ofSpread } = GRAD_TOLERANCE;
    for (const { gradient: b } of net.parameters)
      expect(ofSpread * b.spread!).toBeLessThan(relative * b.norm + ofLargest * net.largestGradientNorm);
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

/**
 * Every fixture network, the deep ones included. Their float64 gradients and 3-step parameters
 * are ill conditioned in float32 (batch norm on batch statistics amplifies rounding layer by
 * layer, and a ReLU input within rounding of 0 switches sides): PyTorch's own float32 runs land
 * up to 3e-2 (gradients) and 6e-1 (after three steps) from its float64 answer, and the tolerance
 * allows five times that float32 spread (gradCheck.ts). Where the problem is well conditioned
 * the spread is tiny and the 1e-4 rule holds as before.
 *
 * The long budget's 56-layer networks take 20–35 s each here (on WASM, loaded), so they are
 * checked only when asked: `RACE_CHECK_LONG=1 npx vitest run src/explain/race/gradCheck.test.ts`
 * (not in CI).
 */
const LONG = (n: number) => n >= 9;
const checkLong = Boolean(process.env.RACE_CHECK_LONG);

describe('on wasm', () => {
  for (const { id, spec } of FIXTURES.networks)
    it.skipIf(LONG(spec.n) && !checkLong)(
      `${id}: loss, gradients, layer norms and 3 steps match PyTorch`,
      async () => {
        const r = await checkOn('wasm', id);
        expect(r.backend).toBe('wasm');
        expect(r.leaked).toBe(0);
        expect(r.failed).toEqual([]);
        expect(r.check.comparisons).toHaveLength(r.expected);
        console.log(describeCheck('wasm', r.check));
      },
      600_000,
    );
});
