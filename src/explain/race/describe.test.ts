import { describe, expect, it } from 'vitest';
import { addSteps, imagesPerSecond, recentLoss, stepsDone, type RaceCurves } from './curves';
import { describeRace, finalLosses, verdictWindow } from './describe';
import { RACE_BUDGETS } from './budgets';
import { nsFromDepths, parseRaceDepths, withChoice, type StepRecord } from './setup';

/** Curves where every step of network `id` has loss `losses[id]`; validation at the last step. */
function race(losses: Record<string, number>, steps: number, acc: Record<string, number> = {}): RaceCurves {
  const all: StepRecord[][] = [];
  for (let s = 1; s <= steps; s++)
    all.push(
      Object.entries(losses).map(([id, loss]) => ({
        id,
        step: s,
        loss: s <= steps - 50 ? 9 : loss, // only the last 50 steps count
        seconds: s / 10,
        ...(s === steps && acc[id] !== undefined ? { valAccuracy: acc[id] } : {}),
      })),
    );
  return addSteps({}, all);
}

describe('the sentences of a race', () => {
  it('say the deeper plain network is above, and that the run shows the effect, from the numbers', () => {
    const c = race({ 'plain-1': 0.41, 'residual-1': 0.4, 'plain-5': 0.62, 'residual-5': 0.35 }, 300, {
      'plain-1': 0.8,
      'plain-5': 0.7,
      'residual-5': 0.85,
    });
    const s = describeRace({ ns: [1, 5], steps: 300 }, c, 300);
    expect(s.map((x) => x.key)).toEqual(['deepPlainAbove', 'shows', 'accuracy']);
    expect(s[0]!.values).toMatchObject({ count: 300, deep: 32, shallow: 8, pD: '0.62', pS: '0.41', rD: '0.35' });
    expect(s[2]!.values).toMatchObject({ aS: '80.0', aD: '70.0', aR: '85.0' });
  });

  it('say so when this run does not show the effect', () => {
    const c = race({ 'plain-1': 0.5, 'residual-1': 0.5, 'plain-5': 0.45, 'residual-5': 0.4 }, 60);
    expect(describeRace({ ns: [1, 5], steps: 300 }, c, 60).map((x) => x.key)).toEqual(['deepPlainBelow', 'notShown']);
    const d = race({ 'plain-1': 0.4, 'residual-1': 0.4, 'plain-5': 0.6, 'residual-5': 0.7 }, 60);
    expect(describeRace({ ns: [1, 5], steps: 300 }, d, 60).map((x) => x.key)).toEqual([
      'deepPlainAbove',
      'showsDegradationOnly',
    ]);
  });

  it('compare the families at one depth, and say nothing before the first step', () => {
    const c = race({ 'plain-1': 0.5, 'residual-1': 0.4 }, 10);
    expect(describeRace({ ns: [1], steps: 300 }, c, 10)).toEqual([
      { key: 'oneDepth', values: { count: 10, depth: 8, plain: '0.50', residual: '0.40' } },
    ]);
    expect(describeRace({ ns: [1, 5], steps: 300 }, {}, 0)).toEqual([]);
    const early = race({ 'plain-1': 0.4, 'residual-1': 0.4, 'plain-5': 0.6, 'residual-5': 0.3 }, 20);
    const sentences = describeRace({ ns: [1, 5], steps: 300 }, early, 20);
    expect(sentences.map((x) => x.key)).toEqual(['deepPlainAbove', 'tooEarly']);
    expect(sentences[1]!.values).toMatchObject({ count: 50 });
  });

  it('judge a short race over a quarter of its steps', () => {
    expect([12, 100, 200, 600].map(verdictWindow)).toEqual([3, 25, 50, 50]);
    const c = race({ 'plain-1': 0.4, 'residual-1': 0.4, 'plain-3': 0.6, 'residual-3': 0.3 }, 12);
    expect(describeRace({ ns: [1, 3], steps: 12 }, c, 12).map((x) => x.key)).toEqual(['deepPlainAbove', 'shows']);
  });
});

describe('the curves', () => {
  it('average the last 50 losses, count steps and images per second', () => {
    expect(recentLoss([9, 1, 3], 2)).toBe(2);
    const c = race({ 'plain-1': 0.3, 'residual-1': 0.2 }, 80);
    expect(finalLosses(c)['plain-1']).toBeCloseTo(0.3);
    expect(stepsDone(c, ['plain-1', 'residual-1', 'plain-5'])).toBe(0);
    expect(stepsDone(c, ['plain-1', 'residual-1'])).toBe(80);
    // 80 steps of 64 images in 8 seconds
    expect(imagesPerSecond(c['plain-1'], 64)).toBeCloseTo(640);
  });
});

describe("a teacher's choice", () => {
  it('wins over the budget, and depths are read from layers', () => {
    expect(withChoice(RACE_BUDGETS.quick, { ns: [9, 1], width: 16, steps: 5 })).toMatchObject({
      ns: [1, 9],
      width: 16,
      steps: 5,
      batch: RACE_BUDGETS.quick.batch,
    });
    expect(withChoice(RACE_BUDGETS.long, {})).toEqual(RACE_BUDGETS.long);
    expect(nsFromDepths([8, 32, 56])).toEqual([1, 5, 9]);
    expect(nsFromDepths([])).toEqual([]);
  });
});

describe('parseRaceDepths', () => {
  it("reads one to four of the race's depths from a link, and nothing else", () => {
    expect(parseRaceDepths('8,32')).toEqual([8, 32]);
    expect(parseRaceDepths('56')).toEqual([56]);
    expect(parseRaceDepths('7,9')).toBeUndefined();
    expect(parseRaceDepths('8,20,32,56,8')).toBeUndefined();
    expect(parseRaceDepths('8,')).toBeUndefined();
  });
});
