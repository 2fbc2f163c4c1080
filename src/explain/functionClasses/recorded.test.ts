import { describe, expect, it } from 'vitest';
import RECORDED from './__fixtures__/recordedExperiment.json';
import { DEFAULT_EXPERIMENT } from './experimentSetup';
import { fromRecorded, toRecorded, type RecordedRun } from './recorded';

describe('the recorded run', () => {
  const run = fromRecorded(RECORDED as RecordedRun);
  it('is of the set-up the page runs (record it again after changing DEFAULT_EXPERIMENT)', () => {
    expect(run.config).toEqual(DEFAULT_EXPERIMENT);
    expect(run.sweep).toHaveLength(DEFAULT_EXPERIMENT.depths.length * 2);
    expect(run.construction.map((c) => c.layer)).toEqual(['residualZero', 'plainZero', 'plainIdentity', 'plainRandom']);
  });
  it('holds what the lesson stop asks about: W₂ = 0 and W = I change nothing, a zero plain layer does', () => {
    const change = Object.fromEntries(run.construction.map((c) => [c.layer, c.maxAbsChange]));
    expect(change['residualZero']).toBe(0);
    expect(change['plainIdentity']).toBe(0);
    expect(change['plainZero']).toBeGreaterThan(0);
  });
  it('survives the trip to JSON and back', () => {
    const again = fromRecorded(JSON.parse(JSON.stringify(toRecorded(run, 'd'))) as RecordedRun);
    expect(again.fit.predictions.residual).toEqual(run.fit.predictions.residual);
    expect(again.sweep).toEqual(run.sweep);
  });
});
