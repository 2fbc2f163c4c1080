import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import {
  describeConstruction,
  describeIdentityDifference,
  describeSweep,
  explainGrowth,
  familyCurve,
  formatLoss,
  lossGrewAt,
  type Sentence,
} from './describe';
import type { ConstructionResult, SweepPoint } from './experiment';

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
    expect(s.map((x) => x.key)).toEqual([
      'deepest',
      'trend',
      'trend',
      'lowerCount',
      'grewAt',
      'containsBetter.plain',
      'neverGrew',
    ]);
    expect(s[0]!.values).toEqual({ depth: 4, plain: '0.200', residual: '0.0100' });
    expect(s[1]!.values).toMatchObject({ family: 'plain', first: '0.100', last: '0.200', best: 2, bestLoss: '0.0500' });
    expect(s[3]!.values).toEqual({ residual: 2, plain: 0, equal: 1, total: 3 });
    expect(s[4]!.values).toEqual({ family: 'plain', count: 1, of: 2 });
    expect(s[4]!.lists).toEqual({
      steps: [{ key: 'grewStep', values: { from: 2, to: 4, before: '0.0500', after: '0.200' } }],
    });
    expect(s[6]!.values).toEqual({ family: 'residual', of: 2 });
  });

  it('says so when plain wins too: no sentence presumes the winner', () => {
    const s = describeSweep(sweep([0.1, 0.01, 0.001], [0.1, 0.2, 0.3]));
    expect(s.find((x) => x.key === 'lowerCount')!.values).toEqual({ residual: 0, plain: 2, equal: 1, total: 3 });
    expect(s.filter((x) => x.key === 'grewAt').map((x) => x.values['family'])).toEqual(['residual']);
    expect(s.filter((x) => x.key === 'neverGrew').map((x) => x.values['family'])).toEqual(['plain']);
  });

  it('waits until both families are complete', () => {
    expect(describeSweep(sweep([0.1, 0.05], [0.1]))).toEqual([]);
    expect(explainGrowth(sweep([0.1, 0.05], [0.1]), { steps: 200, seed: 7 })).toBeUndefined();
  });

  // The run the issue reported: residual lowest at depth 8, higher at 16 and 32.
  const reported = sweep([0.5, 0.3, 0.2, 0.1, 0.05, 0.04], [0.5, 0.2, 0.05, 0.01, 0.02, 0.03]);

  it("names the depths at which a family's loss grew, with both losses", () => {
    expect(lossGrewAt(familyCurve(reported, 'residual')).map((g) => [g.from.depth, g.to.depth])).toEqual([
      [8, 16],
      [16, 32],
    ]);
    expect(lossGrewAt(familyCurve(reported, 'plain'))).toEqual([]);
    const s = describeSweep(reported);
    const grew = s.find((x) => x.key === 'grewAt')!;
    expect(grew.values).toEqual({ family: 'residual', count: 2, of: 5 });
    expect(grew.lists!['steps']!.map((x) => x.values)).toEqual([
      { from: 8, to: 16, before: '0.0100', after: '0.0200' },
      { from: 16, to: 32, before: '0.0200', after: '0.0300' },
    ]);
    expect(s.find((x) => x.key === 'neverGrew')!.values).toEqual({ family: 'plain', of: 5 });
  });

  it('sets the sharpest rise against the shallower network the deeper class contains', () => {
    const s = describeSweep(reported).find((x) => x.key.startsWith('containsBetter'))!;
    // 0.01 → 0.02 doubles; 0.02 → 0.03 is only 1.5×.
    expect(s).toEqual({
      key: 'containsBetter.residual',
      values: { shallow: 8, deeper: 16, extra: 8, count: 8, shallowLoss: '0.0100', deeperLoss: '0.0200' },
    });
  });

  it('explains why the measured loss can grow, or says that it never did, from the run', () => {
    expect(explainGrowth(reported, { steps: 200, seed: 7 })).toEqual({
      key: 'whyGrew',
      values: { steps: 200, seed: 7 },
    });
    // A loss that stays the same did not grow.
    expect(explainGrowth(sweep([0.5, 0.3, 0.3], [0.5, 0.2, 0.1]), { steps: 50, seed: 3 })).toEqual({
      key: 'whyNeverGrew',
      values: { steps: 50, seed: 3 },
    });
  });

  const base = { depth: 8, lossBefore: 0.01, lossAfterTraining: 0.005, extraSteps: 100 };
  const construction: ConstructionResult[] = [
    { ...base, layer: 'residualZero', family: 'residual', lossAfterAppend: 0.01, maxAbsChange: 0 },
    { ...base, layer: 'plainZero', family: 'plain', lossAfterAppend: 0.9, maxAbsChange: 1.9 },
    { ...base, layer: 'plainIdentity', family: 'plain', lossAfterAppend: 0.01, maxAbsChange: 0 },
    { ...base, layer: 'plainRandom', family: 'plain', lossAfterAppend: 4.2, maxAbsChange: 3.5 },
  ];

  it('describes each appended layer with the measured change', () => {
    expect(describeConstruction(construction[0]!)).toEqual({
      key: 'residualZeroSays',
      values: { delta: '0', loss: '0.0100', steps: 100, trained: '0.00500' },
    });
    expect(describeConstruction(construction[1]!)).toMatchObject({
      key: 'plainZeroSays',
      values: { delta: '1.90', before: '0.0100', after: '0.900', steps: 100, trained: '0.00500' },
    });
    expect(describeConstruction(construction[2]!)).toEqual({
      key: 'plainIdentitySays',
      values: { delta: '0', loss: '0.0100', steps: 100, trained: '0.00500' },
    });
    expect(describeConstruction(construction[3]!)).toMatchObject({
      key: 'plainRandomSays',
      values: { delta: '3.50', before: '0.0100', after: '4.20' },
    });
  });

  it('says what really differs, from the identity and random layers measured', () => {
    expect(describeIdentityDifference(construction, 24)).toEqual({
      key: 'realDifference',
      values: {
        residualDelta: '0',
        identityDelta: '0',
        width: 24,
        weights: 576,
        randomDelta: '3.50',
        before: '0.0100',
        randomLoss: '4.20',
      },
    });
    expect(describeIdentityDifference(construction.slice(0, 2), 24)).toBeUndefined();
  });

  it('has every sentence it can say in English and Chinese', () => {
    const said: Sentence[] = [
      ...describeSweep(sweep([0.1, 0.05, 0.2], [0.1, 0.02, 0.01])),
      ...describeSweep(sweep([0.1, 0.01, 0.001], [0.1, 0.2, 0.3])),
      explainGrowth(reported, { steps: 1, seed: 1 })!,
      explainGrowth(sweep([0.5], [0.5]), { steps: 1, seed: 1 })!,
      ...construction.map(describeConstruction),
      describeIdentityDifference(construction, 24)!,
    ];
    said.push(...said.flatMap((s) => Object.values(s.lists ?? {}).flat()));
    const keys = new Set(said.map((s) => s.key));
    expect(keys).toEqual(
      new Set([
        'deepest',
        'trend',
        'lowerCount',
        'grewAt',
        'grewStep',
        'neverGrew',
        'containsBetter.plain',
        'containsBetter.residual',
        'whyGrew',
        'whyNeverGrew',
        'residualZeroSays',
        'plainZeroSays',
        'plainIdentitySays',
        'plainRandomSays',
        'realDifference',
      ]),
    );
    for (const lang of ['en', 'zh'] as const) {
      const i18n = createI18n(lang);
      for (const s of said) {
        const key = `functionClasses.experiment.${s.key}`;
        // Read without falling back to English.
        // a counted sentence is a plural pair: read the form its count takes in this language
        const count = s.values['count'];
        const text: unknown =
          i18n.getResource(lang, 'translation', key) ??
          (typeof count === 'number'
            ? i18n.getResource(lang, 'translation', `${key}_${new Intl.PluralRules(lang).select(count)}`)
            : undefined);
        expect(typeof text, `${lang}: ${key}`).toBe('string');
        // Every placeholder of the string is filled by the sentence.
        const placeholders = (text as string).match(/{{\w+}}/g);
        const filled = [...Object.keys(s.values), ...Object.keys(s.lists ?? {})];
        for (const p of placeholders ?? []) expect(filled, `${lang}: ${key}`).toContain(p.slice(2, -2));
      }
    }
  });
});
