import { describe, expect, it } from 'vitest';
import {
  chooseBudget,
  correctedByPace,
  durationParts,
  estimateRaceSeconds,
  PROBE_NET,
  RACE_BUDGET_IDS,
  RACE_BUDGETS,
  secondsLeft,
  stepMs,
  TARGET_SECONDS,
  type ProbeSpeed,
} from './budgets';
import { addSteps, type RaceCurves } from './curves';
import { speedFromTimes } from './measure';
import { raceEntries } from './setup';

/** A backend whose steps cost only per image (`perImage` ms) or only per step. */
const perImage = (ms: number): ProbeSpeed => ({ msPerStep: 16 * ms, fixedMs: 0, perImageMs: ms });

describe('the budget ladder', () => {
  it('grows from the quick race to the long one in work', () => {
    const work = RACE_BUDGET_IDS.map((id) => estimateRaceSeconds(RACE_BUDGETS[id], perImage(1)));
    expect(work).toEqual([...work].sort((a, b) => a - b));
    expect(new Set(work).size).toBe(work.length);
    for (const id of RACE_BUDGET_IDS) expect(raceEntries(RACE_BUDGETS[id])).toHaveLength(4);
  });

  it('scales the probe to a network: per image by multiply-adds, per step by convolutions', () => {
    expect(stepMs(perImage(2), PROBE_NET.spec, PROBE_NET.batch)).toBeCloseTo(2 * PROBE_NET.batch);
    expect(stepMs(perImage(2), PROBE_NET.spec, 2 * PROBE_NET.batch)).toBeCloseTo(4 * PROBE_NET.batch);
    const fixed: ProbeSpeed = { msPerStep: 10, fixedMs: 10, perImageMs: 0 };
    expect(stepMs(fixed, PROBE_NET.spec, 64)).toBeCloseTo(10);
    // 8 layers (9 convolutions) against 20 (21)
    expect(stepMs(fixed, { ...PROBE_NET.spec, n: 3 }, 16)).toBeCloseTo((10 * 21) / 9);
  });

  it('splits the probe into per-step and per-image parts', () => {
    // 32 images 100 ms, 8 images 40 ms: 2.5 ms an image, 20 ms a step
    expect(speedFromTimes(100, 40)).toEqual({ msPerStep: 100, fixedMs: 20, perImageMs: 2.5 });
    // noise that makes the small batch slower is no image cost at all
    expect(speedFromTimes(100, 120)).toEqual({ msPerStep: 100, fixedMs: 100, perImageMs: 0 });
  });
});

describe('choosing a budget from the measured speed', () => {
  it('takes the largest whose verdict comes within about three minutes', () => {
    for (const id of RACE_BUDGET_IDS) {
      // the speed at which this budget takes exactly the target
      const unit = estimateRaceSeconds(RACE_BUDGETS[id], perImage(1));
      expect(chooseBudget(perImage((0.99 * TARGET_SECONDS) / unit))).toBe(id);
    }
  });

  it('takes the quick race when none fits, and the long one on a fast device', () => {
    expect(chooseBudget(perImage(1e3))).toBe('quick');
    expect(chooseBudget(perImage(1e-4))).toBe('long');
    const standard = estimateRaceSeconds(RACE_BUDGETS.standard, perImage(1));
    expect(chooseBudget(perImage((1.01 * TARGET_SECONDS) / standard))).toBe('short');
  });
});

/** Curves in which every network of `cfg` has trained `steps` steps. */
function ranSteps(cfg: (typeof RACE_BUDGETS)['quick'], steps: number): RaceCurves {
  const ids = raceEntries(cfg).map((e) => e.id);
  return addSteps(
    {},
    Array.from({ length: steps }, (_, i) => ids.map((id) => ({ id, step: i + 1, loss: 1, seconds: i + 1 }))),
  );
}

describe('a race that ran corrects the estimates by its pace', () => {
  const cfg = RACE_BUDGETS.quick;
  const speed = perImage(5);
  const estimate = estimateRaceSeconds(cfg, speed);

  it('scales every later estimate by measured over estimated seconds, so the next automatic choice can grow', () => {
    // half the steps in 0.4 of the time estimated for them
    const faster = correctedByPace(speed, cfg, ranSteps(cfg, cfg.steps / 2), 0.4 * (estimate / 2));
    expect(faster.pace).toBeCloseTo(0.4);
    expect(faster.msPerStep).toBe(speed.msPerStep); // backends are still compared by the probe
    expect(estimateRaceSeconds(cfg, faster)).toBeCloseTo(0.4 * estimate);
    expect(estimateRaceSeconds(RACE_BUDGETS.long, faster)).toBeCloseTo(
      0.4 * estimateRaceSeconds(RACE_BUDGETS.long, speed),
    );
    const budgets = [...RACE_BUDGET_IDS];
    expect(budgets.indexOf(chooseBudget(faster))).toBeGreaterThan(budgets.indexOf(chooseBudget(speed)));
    // a second race at the corrected pace leaves it as it is; a slower one corrects it again
    const again = correctedByPace(faster, cfg, ranSteps(cfg, cfg.steps), estimateRaceSeconds(cfg, faster));
    expect(again.pace).toBeCloseTo(0.4);
    expect(
      correctedByPace(faster, cfg, ranSteps(cfg, cfg.steps), 2 * estimateRaceSeconds(cfg, faster)).pace,
    ).toBeCloseTo(0.8);
  });

  it('needs a quarter of the steps, and stays within 0.1–10×', () => {
    expect(correctedByPace(speed, cfg, ranSteps(cfg, cfg.steps / 5), 1)).toBe(speed);
    expect(correctedByPace(speed, cfg, {}, 100)).toBe(speed);
    expect(correctedByPace(speed, cfg, ranSteps(cfg, cfg.steps), 1e-6).pace).toBe(0.1);
    expect(correctedByPace(speed, cfg, ranSteps(cfg, cfg.steps), 1e9).pace).toBe(10);
  });
});

describe('time left', () => {
  it('comes from the pace so far, else from the estimate', () => {
    expect(secondsLeft({ steps: 100, done: 0, runningSeconds: 0, estimate: 90 })).toBe(90);
    expect(secondsLeft({ steps: 100, done: 25, runningSeconds: 50, estimate: 90 })).toBe(150);
    expect(secondsLeft({ steps: 100, done: 100, runningSeconds: 200 })).toBe(0);
    expect(secondsLeft({ steps: 100, done: 0, runningSeconds: 0 })).toBeUndefined();
  });

  it('is said in hours, minutes and seconds, rounded to 10 s above a minute and to minutes above an hour', () => {
    expect(durationParts(160.4)).toEqual({ hours: 0, minutes: 2, seconds: 40 });
    expect(durationParts(42.4)).toEqual({ hours: 0, minutes: 0, seconds: 42 });
    expect(durationParts(0.2)).toEqual({ hours: 0, minutes: 0, seconds: 1 });
    expect(durationParts(3599)).toEqual({ hours: 1, minutes: 0, seconds: 0 });
    expect(durationParts(6730)).toEqual({ hours: 1, minutes: 52, seconds: 0 });
  });
});
