import { describe, expect, it } from 'vitest';
import { describeRaceLesion, type RaceLesionNetwork } from './raceLesion';

const net = (family: 'plain' | 'residual', intact: number, removed: number[]): RaceLesionNetwork => ({
  family,
  n: 3,
  depth: 20,
  images: 100,
  rows: [{ removed: null, correct: intact }, ...removed.map((correct, i) => ({ removed: i, correct }))],
});

describe('describeRaceLesion', () => {
  it('says the run shows the paper’s contrast when plain collapses and residual degrades gracefully', () => {
    const s = describeRaceLesion([net('plain', 70, [10, 12, 9, 11]), net('residual', 80, [75, 78, 70, 77])]);
    expect(s.map((x) => x.key)).toEqual(['pair', 'shows']);
    expect(s[0]?.values).toMatchObject({ depth: 20, pMean: '10.5', rMean: '75.0', rLowest: '70.0', count: 4 });
  });

  it('says so when this run does not show it', () => {
    const keys = (p: number[], r: number[]) =>
      describeRaceLesion([net('plain', 70, p), net('residual', 80, r)]).map((x) => x.key)[1];
    expect(keys([60, 65, 62, 66], [75, 78, 70, 77])).toBe('plainSurvives');
    expect(keys([10, 12, 9, 11], [20, 30, 25, 22])).toBe('bothHurt');
    expect(keys([60, 65, 62, 66], [20, 30, 25, 22])).toBe('neither');
  });

  it('is offered for n ≥ 3 only', () => {
    const small = (family: 'plain' | 'residual') => ({ ...net(family, 70, [10]), n: 1, depth: 8 });
    expect(describeRaceLesion([small('plain'), small('residual')])).toEqual([]);
  });
});
