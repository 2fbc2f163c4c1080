/**
 * The race's budgets: a fixed ladder from a race a laptop's CPU finishes in minutes to one
 * for a real GPU. Each has committed PyTorch reference curves (training/race.py) in which
 * the degradation problem shows within its steps. The page measures how fast this device
 * trains, estimates each budget's time and takes the largest that ends in about three
 * minutes; a teacher may choose another and is told how long it will take.
 */
import { raceBlocks, raceCost, type RaceNetSpec } from '../../model/raceNet';
import { stepsDone, type RaceCurves } from './curves';
import { RACE_RECIPE, raceEntries, type RaceConfig } from './setup';

export const RACE_BUDGET_IDS = ['quick', 'short', 'standard', 'long'] as const;
export type RaceBudgetId = (typeof RACE_BUDGET_IDS)[number];

/** The ladder, smallest first; the verdict of each shows the effect in its reference run. */
export const RACE_BUDGETS: Readonly<Record<RaceBudgetId, RaceConfig>> = {
  quick: { ...RACE_RECIPE, ns: [1, 3], width: 4, batch: 32, steps: 100, valImages: 200 },
  short: { ...RACE_RECIPE, ns: [1, 3], width: 4, batch: 32, steps: 300, valImages: 200 },
  standard: { ...RACE_RECIPE, ns: [1, 5], width: 8, batch: 64, steps: 300, valImages: 1000 },
  long: { ...RACE_RECIPE, ns: [1, 9], width: 8, batch: 64, steps: 600, valImages: 1000 },
};

/** The verdict should arrive within about this many seconds of pressing Start. */
export const TARGET_SECONDS = 180;

/**
 * The network the backends are timed on: small, so a slow backend is found out quickly.
 * Its speed is scaled to each budget's networks by `estimateRaceSeconds`.
 */
export interface ProbeNet {
  readonly spec: RaceNetSpec;
  readonly batch: number;
}
export const PROBE_NET: ProbeNet = { spec: { family: 'residual', n: 1, width: 4 }, batch: 32 };

/** What the probe measured on a backend (./measure.ts). */
export interface ProbeSpeed {
  /** Milliseconds per step of the probe network at its batch: the figure backends are compared by. */
  readonly msPerStep: number;
  /** The part of a step that does not grow with the batch (kernel launches, dispatch, JavaScript). */
  readonly fixedMs: number;
  /** The part that does, per image. */
  readonly perImageMs: number;
  /**
   * Seconds a race on this backend took over the seconds it was estimated to take
   * (`correctedByPace`): every later estimate is multiplied by it. Absent until a race ran.
   */
  readonly pace?: number;
}

/** Validation is a forward pass: about a third of a training step's work per image. */
export const FORWARD_SHARE = 1 / 3;

function convolutions(spec: RaceNetSpec): number {
  return 1 + raceBlocks(spec).reduce((s, b) => s + 2 + (b.use1x1conv ? 1 : 0), 0);
}

/**
 * Milliseconds of one training step of `spec` on `batch` images, scaled from the probe:
 * the per-step part by the number of convolutions (each is a few kernels forward and
 * back), the per-image part by the multiply-adds.
 */
export function stepMs(speed: ProbeSpeed, spec: RaceNetSpec, batch: number): number {
  const probe = PROBE_NET.spec;
  return (
    (speed.pace ?? 1) *
    ((speed.fixedMs * convolutions(spec)) / convolutions(probe) +
      (speed.perImageMs * batch * raceCost(spec).multiplyAdds) / raceCost(probe).multiplyAdds)
  );
}

/** A race must have run this share of its steps before its pace corrects the estimates. */
export const PACE_MIN_SHARE = 0.25;

/**
 * The speed with its estimates corrected by a race that ran on it: `seconds` of training for
 * the steps in `curves`, against what `speed` estimated for them (validation included, pro
 * rata). Scaling a probe network's step to deeper networks is pessimistic here (idle, the
 * probe estimated 113 s for a race that trained in 46 s), so after the first race the Budget
 * menu and the next automatic choice go by what this device did. Unchanged before
 * `PACE_MIN_SHARE` of the steps; kept within 0.1–10×.
 */
export function correctedByPace(speed: ProbeSpeed, cfg: RaceConfig, curves: RaceCurves, seconds: number): ProbeSpeed {
  const done = stepsDone(
    curves,
    raceEntries(cfg).map((e) => e.id),
  );
  if (done < PACE_MIN_SHARE * cfg.steps || seconds <= 0) return speed;
  const estimated = (estimateRaceSeconds(cfg, speed) * done) / cfg.steps;
  const pace = (speed.pace ?? 1) * Math.min(10, Math.max(0.1, seconds / estimated));
  return { ...speed, pace };
}

/** Seconds a race of `cfg` takes at the probe's speed: every network's steps and its validation passes. */
export function estimateRaceSeconds(cfg: RaceConfig, speed: ProbeSpeed): number {
  const evaluations = Math.ceil(cfg.steps / cfg.evalEvery);
  const ms = raceEntries(cfg).reduce((sum, e) => {
    const train = cfg.steps * stepMs(speed, e.spec, cfg.batch);
    // validation runs in batches of 100, forward only
    const validate = evaluations * FORWARD_SHARE * stepMs(speed, e.spec, 100) * Math.ceil(cfg.valImages / 100);
    return sum + train + validate;
  }, 0);
  return ms / 1000;
}

/** The largest budget whose estimate is within `target` seconds; the smallest when none is. */
export function chooseBudget(speed: ProbeSpeed, target = TARGET_SECONDS): RaceBudgetId {
  const fits = RACE_BUDGET_IDS.filter((id) => estimateRaceSeconds(RACE_BUDGETS[id], speed) <= target);
  return fits.at(-1) ?? RACE_BUDGET_IDS[0];
}

/**
 * Seconds left: from the pace of the steps done so far (seconds of running, pauses not
 * counted), else from the estimate made before training began.
 */
export function secondsLeft(p: {
  readonly steps: number;
  readonly done: number;
  readonly runningSeconds: number;
  readonly estimate?: number;
}): number | undefined {
  if (p.done >= p.steps) return 0;
  if (p.done > 0) return (p.runningSeconds / p.done) * (p.steps - p.done);
  return p.estimate;
}

/** A duration for a sentence: rounded to whole minutes above an hour, to 10 s above a minute. */
export function durationParts(seconds: number): {
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
} {
  const step = seconds >= 3600 ? 60 : seconds >= 60 ? 10 : 1;
  const s = Math.max(1, Math.round(seconds / step) * step);
  return { hours: Math.floor(s / 3600), minutes: Math.floor(s / 60) % 60, seconds: s % 60 };
}
