import { describe, expect, it } from 'vitest';
import { referenceFor, REFERENCE_FILES } from './reference';
import { CPU_RACE, GPU_RACE } from './setup';

describe('the committed reference runs', () => {
  it('exist for both budgets, with the budget recipe, longer than the live race', () => {
    for (const budget of [GPU_RACE, CPU_RACE]) {
      const ref = referenceFor(budget);
      expect(ref, `width ${budget.width}`).toBeDefined();
      expect(ref!.recipe.steps).toBeGreaterThan(budget.steps);
      expect(ref!.recipe.seed).toBe(budget.seed);
      for (const n of budget.ns) {
        const run = ref!.runs.find((r) => r.family === 'plain' && r.n === n);
        expect(run?.loss).toHaveLength(ref!.recipe.steps);
      }
    }
  });

  it('are found only for the recipe they were run with', () => {
    expect(referenceFor({ ...GPU_RACE, width: 16 })).toBeUndefined();
    expect(referenceFor({ ...GPU_RACE, learningRate: 0.1 })).toBeUndefined();
    expect(REFERENCE_FILES.every((f) => f.runs.every((r) => r.depth === 6 * r.n + 2))).toBe(true);
  });
});
