import { describe, expect, it } from 'vitest';
import { fitFormula, SMALLEST_FORMULA } from './formulaFit';

describe('fitFormula', () => {
  it('keeps one line at full size where it fits', () => {
    expect(fitFormula({ room: 500, line: 480, stacked: 250, mayShrink: true })).toEqual({ form: 'line', scale: 1 });
  });
  it('stacks before it shrinks', () => {
    expect(fitFormula({ room: 300, line: 560, stacked: 260, mayShrink: true })).toEqual({ form: 'stacked', scale: 1 });
  });
  it('shrinks outside projector mode only where even the stacked form is too wide, down to 60 %', () => {
    const fit = fitFormula({ room: 200, line: 560, stacked: 260, mayShrink: true });
    expect(fit.form).toBe('stacked');
    expect(fit.scale).toBeCloseTo((0.96 * 200) / 260);
    expect(fitFormula({ room: 100, line: 560, stacked: 260, mayShrink: true }).scale).toBe(SMALLEST_FORMULA);
    expect(fitFormula({ room: 300, line: 560, mayShrink: true })).toEqual({
      form: 'line',
      scale: Math.max(SMALLEST_FORMULA, (0.96 * 300) / 560),
    });
  });
  it('never shrinks in projector mode: a formula too wide even stacked keeps its size (and scrolls)', () => {
    expect(fitFormula({ room: 200, line: 560, stacked: 260, mayShrink: false })).toEqual({ form: 'stacked', scale: 1 });
    expect(fitFormula({ room: 200, line: 560, mayShrink: false })).toEqual({ form: 'line', scale: 1 });
  });
});
