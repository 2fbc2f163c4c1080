/**
 * The race's set-up as plain data, with no tfjs: which networks race, the shared recipe,
 * the choices a teacher may lay over a budget (the budgets: ./budgets.ts), and the batches
 * every run sees (the same for all).
 * training/race.py follows the same recipe and batch order.
 */
import { mulberry32 } from '../../model/random';
import { RACE_FAMILIES, raceDepth, type RaceFamily, type RaceNetSpec } from '../../model/raceNet';

/** Blocks per stage the page offers: depths 8, 20, 32, 56. */
export const RACE_N_CHOICES = [1, 3, 5, 9] as const;
export const RACE_WIDTH_CHOICES = [4, 8, 16] as const;

export interface RaceConfig {
  /** Blocks per stage of the raced depths; each depth races as a plain and a residual network. */
  readonly ns: readonly number[];
  readonly width: number;
  /** Training steps per network. */
  readonly steps: number;
  readonly batch: number;
  /** SGD with momentum. */
  readonly learningRate: number;
  readonly momentum: number;
  /** Initialisation and data-order seed, the same for every network. */
  readonly seed: number;
  /** Steps between validation measurements. */
  readonly evalEvery: number;
  /** Validation images used (a prefix of the shipped split, balanced over the classes). */
  readonly valImages: number;
  /** Steps between gradient-norm probes. */
  readonly gradEvery: number;
}

/** What every budget shares: the optimiser, the notebook, how often validation and the gradient probe run. */
export const RACE_RECIPE = {
  learningRate: 0.05,
  momentum: 0.9,
  seed: 1,
  evalEvery: 50,
  gradEvery: 10,
} as const satisfies Partial<RaceConfig>;

/** One raced network: its id (`plain-5`) and description. */
export interface RaceEntry {
  readonly id: string;
  readonly spec: RaceNetSpec;
  readonly depth: number;
}

/** The networks of a race, deeper ones last, plain before residual at each depth. */
export function raceEntries(cfg: Pick<RaceConfig, 'ns' | 'width'>): RaceEntry[] {
  return [...cfg.ns]
    .sort((a, b) => a - b)
    .flatMap((n) =>
      RACE_FAMILIES.map((family: RaceFamily) => ({
        id: `${family}-${n}`,
        spec: { family, n, width: cfg.width },
        depth: raceDepth(n),
      })),
    );
}

/**
 * The training images of each step: a Fisher–Yates shuffle of all `count` images from a
 * seeded mulberry32 per epoch, cut into batches (a short remainder is dropped).
 */
export function batchIndices(count: number, batch: number, steps: number, seed: number): Int32Array[] {
  const next = mulberry32(seed);
  const out: Int32Array[] = [];
  let perm: number[] = [];
  while (out.length < steps) {
    if (perm.length < batch) {
      perm = Array.from({ length: count }, (_, i) => i);
      for (let i = count - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [perm[i], perm[j]] = [perm[j]!, perm[i]!];
      }
    }
    out.push(Int32Array.from(perm.slice(0, batch)));
    perm = perm.slice(batch);
  }
  return out;
}

/** What one network measured at one step. */
export interface StepRecord {
  readonly id: string;
  readonly step: number;
  readonly loss: number;
  /** Seconds spent training this network so far (steps only, not validation). */
  readonly seconds: number;
  /** Validation accuracy (0…1), at evaluation steps. */
  readonly valAccuracy?: number;
  /**
   * Milliseconds per image of that validation (a forward pass with batch norm's running
   * statistics): the device's measured forward speed for this network, e.g. for the loss
   * landscape's estimate.
   */
  readonly valMsPerImage?: number;
  /** Each main-path layer's gradient norm (6n + 2 numbers), at probe steps. */
  readonly gradNorms?: readonly number[];
}

/** What a teacher may choose in the link or the controls, over the budget's own values. */
export interface RaceChoice {
  readonly ns?: readonly number[];
  readonly width?: number;
  readonly steps?: number;
}

/** A budget with the teacher's choices laid over it (depths sorted). */
export function withChoice(base: RaceConfig, choice: RaceChoice = {}): RaceConfig {
  return {
    ...base,
    ...(choice.ns?.length ? { ns: [...choice.ns].sort((a, b) => a - b) } : {}),
    ...(choice.width ? { width: choice.width } : {}),
    ...(choice.steps ? { steps: choice.steps } : {}),
  };
}

/** Depths in layers (`[8, 32]`) as blocks per stage; none gives none. */
export function nsFromDepths(depths: readonly number[]): number[] {
  return depths.map((d) => (d - 2) / 6).filter((n) => (RACE_N_CHOICES as readonly number[]).includes(n));
}

/** A link's depths (`8,32`: one to four of the race's depths), or undefined when it names another. */
export function parseRaceDepths(raw: string): number[] | undefined {
  const allowed = RACE_N_CHOICES.map((n) => String(raceDepth(n)));
  const parts = raw.split(',');
  if (parts.length > RACE_N_CHOICES.length || !parts.every((p) => allowed.includes(p))) return undefined;
  return parts.map(Number);
}
