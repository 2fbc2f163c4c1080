import { describe, expect, it } from 'vitest';
import { describeConstruction, describeSweep, formatLoss } from './describe';
import type { SweepPoint } from './experiment';

const sweep = (plain: number[], residual: number[]): SweepPoint[] => [
  ...plain.map((loss, i) => ({ family: 'plain' as const, depth: 2 ** i, loss, initialLoss: 1 })),
  ...residual.map((loss, i) => ({ family: 'residual' as const, depth: 2 ** i, loss, initialLoss: 1 })),
];

describe('what the run measured', () => {
  it('formats losses readably', () => {
    expect(formatLoss(0)).toBe('0');
    expect(formatLoss(0.123456)).toBe('0.123');
    expect(formatLoss(0.000123456)).toBe('1.23e-4');
  });

  it('states the deepest losses, each trend, who ended lower and where depth hurt, from the numbers', () => {
    const s = describeSweep(sweep([0.1, 0.05, 0.2], [0.1, 0.02, 0.01]));
    expect(s.map((x) => x.key)).toEqual(['deepest', 'trend', 'trend', 'lowerCount', 'worseDeeper']);
    expect(s[0]!.values).toEqual({ depth: 4, plain: '0.200', residual: '0.0100' });
    expect(s[1]!.values).toMatchObject({ family: 'plain', first: '0.100', last: '0.200', best: 2, bestLoss: '0.0500' });
    expect(s[3]!.values).toEqual({ residual: 2, plain: 0, equal: 1, total: 3 });
    expect(s[4]!.values).toEqual({ family: 'plain', count: 1, of: 2 });
  });

  it('says so when plain wins too: no sentence presumes the winner', () => {
    const s = describeSweep(sweep([0.1, 0.01, 0.001], [0.1, 0.2, 0.3]));
    expect(s.find((x) => x.key === 'lowerCount')!.values).toEqual({ residual: 0, plain: 2, equal: 1, total: 3 });
    expect(s.filter((x) => x.key === 'worseDeeper').map((x) => x.values['family'])).toEqual(['residual']);
  });

  it('waits until both families are complete', () => {
    expect(describeSweep(sweep([0.1, 0.05], [0.1]))).toEqual([]);
  });

  it('describes the zero-layer construction with the measured change', () => {
    const base = { depth: 8, lossBefore: 0.01, lossAfterTraining: 0.005, extraSteps: 100 };
    expect(
      describeConstruction({ ...base, family: 'residual', lossAfterAppend: 0.01, maxAbsChange: 0 }).values,
    ).toEqual({ delta: '0', loss: '0.0100', steps: 100, trained: '0.00500' });
    expect(describeConstruction({ ...base, family: 'plain', lossAfterAppend: 0.9, maxAbsChange: 1.9 })).toMatchObject({
      key: 'plainSays',
      values: { delta: '1.90', before: '0.0100', after: '0.900', steps: 100, trained: '0.00500' },
    });
  });
});
