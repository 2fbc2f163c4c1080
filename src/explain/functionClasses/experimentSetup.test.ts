import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT, experimentWithSteps } from './experimentSetup';

describe('experimentWithSteps', () => {
  it('keeps the default run for 0 and for the default steps', () => {
    expect(experimentWithSteps(0)).toBe(DEFAULT_EXPERIMENT);
    expect(experimentWithSteps(DEFAULT_EXPERIMENT.steps)).toBe(DEFAULT_EXPERIMENT);
  });
  it('shortens the sweep and the construction in proportion, reporting no less often than it trains', () => {
    const short = experimentWithSteps(20);
    expect(short).toMatchObject({ steps: 20, extraSteps: 10, chunk: 20 });
    expect(short.depths).toEqual(DEFAULT_EXPERIMENT.depths);
    expect(experimentWithSteps(1)).toMatchObject({ steps: 1, extraSteps: 1, chunk: 1 });
  });
});
