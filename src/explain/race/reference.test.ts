import { describe, expect, it } from 'vitest';
import { RACE_BUDGET_IDS, RACE_BUDGETS } from './budgets';
import { addSteps } from './curves';
import { describeRace } from './describe';
import { referenceFor, REFERENCE_FILES } from './reference';

describe('the committed reference runs', () => {
  it.each(RACE_BUDGET_IDS)('exist for the %s budget, with its recipe and at least its steps', (id) => {
    const budget = RACE_BUDGETS[id];
    const ref = referenceFor(budget);
    expect(ref).toBeDefined();
    expect(ref!.recipe.steps).toBeGreaterThanOrEqual(budget.steps);
    expect(ref!.recipe.seed).toBe(budget.seed);
    for (const n of budget.ns)
      for (const family of ['plain', 'residual'])
        expect(ref!.runs.find((r) => r.family === family && r.n === n)?.loss).toHaveLength(ref!.recipe.steps);
  });

  it.each(RACE_BUDGET_IDS)('show the degradation problem within the %s budget', (id) => {
    const budget = RACE_BUDGETS[id];
    const ref = referenceFor(budget)!;
    const steps = Array.from({ length: budget.steps }, (_, i) =>
      ref.runs
        .filter((r) => budget.ns.includes(r.n))
        .map((r) => ({ id: `${r.family}-${r.n}`, step: i + 1, loss: r.loss[i]!, seconds: 0 })),
    );
    const verdict = describeRace(budget, addSteps({}, steps), budget.steps).map((s) => s.key);
    expect(verdict).toEqual(['deepPlainAbove', 'shows']);
  });

  it('are found only for the recipe they were run with', () => {
    expect(referenceFor({ ...RACE_BUDGETS.standard, width: 16 })).toBeUndefined();
    expect(referenceFor({ ...RACE_BUDGETS.standard, learningRate: 0.1 })).toBeUndefined();
    expect(REFERENCE_FILES.every((f) => f.runs.every((r) => r.depth === 6 * r.n + 2))).toBe(true);
  });
});
