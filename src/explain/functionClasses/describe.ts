/**
 * What a run of the depth experiment measured, in sentences built from its numbers
 * (translation keys with values). Nothing here assumes which family wins: every
 * sentence is chosen and filled from the result.
 */
import type { ConstructionResult, ExperimentConfig, Family, SweepPoint } from './experimentSetup';

export interface Sentence {
  /** Key under `functionClasses.experiment.` */
  readonly key: string;
  readonly values: Record<string, string | number>;
  /** Values that are family names, to be translated by the caller. */
  readonly families?: Record<string, Family>;
  /** Values that are lists of sentences, to be said and joined by the caller in the page's language ("a, b and c"). */
  readonly lists?: Record<string, readonly Sentence[]>;
}

/** One step to a deeper network, with the final loss at each end. */
export interface DepthStep {
  readonly from: SweepPoint;
  readonly to: SweepPoint;
}

/** A loss the way the page shows it: three significant digits, exponent when small. */
export function formatLoss(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 1e-3 ? x.toPrecision(3) : x.toExponential(2);
}

/** The sweep points of one family, by increasing depth. */
export function familyCurve(sweep: readonly SweepPoint[], family: Family): SweepPoint[] {
  return sweep.filter((p) => p.family === family).sort((a, b) => a.depth - b.depth);
}

/** Sentences about the loss-against-depth sweep. Empty until both families are complete. */
export function describeSweep(sweep: readonly SweepPoint[]): Sentence[] {
  const plain = familyCurve(sweep, 'plain');
  const residual = familyCurve(sweep, 'residual');
  if (plain.length === 0 || plain.length !== residual.length) return [];
  const deepest = plain[plain.length - 1]!.depth;
  const out: Sentence[] = [
    {
      key: 'deepest',
      values: { depth: deepest, plain: formatLoss(plain.at(-1)!.loss), residual: formatLoss(residual.at(-1)!.loss) },
    },
  ];
  for (const [family, curve] of [
    ['plain', plain],
    ['residual', residual],
  ] as const) {
    const best = curve.reduce((a, b) => (b.loss < a.loss ? b : a));
    out.push({
      key: 'trend',
      values: {
        family,
        from: curve[0]!.depth,
        to: deepest,
        first: formatLoss(curve[0]!.loss),
        last: formatLoss(curve.at(-1)!.loss),
        best: best.depth,
        bestLoss: formatLoss(best.loss),
      },
      families: { family },
    });
  }
  let r = 0;
  let p = 0;
  let eq = 0;
  plain.forEach((pp, i) => {
    const rr = residual[i]!;
    if (rr.loss < pp.loss) r++;
    else if (pp.loss < rr.loss) p++;
    else eq++;
  });
  out.push({ key: 'lowerCount', values: { residual: r, plain: p, equal: eq, total: plain.length } });
  for (const [family, curve] of [
    ['plain', plain],
    ['residual', residual],
  ] as const)
    out.push(...describeGrowth(family, curve));
  return out;
}

/** The steps of a curve (sorted by depth) at which the final loss grew. */
export function lossGrewAt(curve: readonly SweepPoint[]): DepthStep[] {
  return curve.slice(1).flatMap((to, i) => (to.loss > curve[i]!.loss ? [{ from: curve[i]!, to }] : []));
}

/**
 * Whether a family's loss grew with depth, where, and (if it did) the sharpest rise set
 * against what nesting promises: the deeper class contains the shallower trained network
 * followed by identity layers, so it holds a network at least that good.
 */
function describeGrowth(family: Family, curve: readonly SweepPoint[]): Sentence[] {
  const grew = lossGrewAt(curve);
  const steps = curve.length - 1;
  if (grew.length === 0) return [{ key: 'neverGrew', values: { family, of: steps }, families: { family } }];
  const sharpest = grew.reduce((a, b) => (b.to.loss / b.from.loss > a.to.loss / a.from.loss ? b : a));
  return [
    {
      key: 'grewAt',
      values: { family, count: grew.length, of: steps },
      families: { family },
      lists: {
        steps: grew.map((g) => ({
          key: 'grewStep',
          values: {
            from: g.from.depth,
            to: g.to.depth,
            before: formatLoss(g.from.loss),
            after: formatLoss(g.to.loss),
          },
        })),
      },
    },
    {
      key: `containsBetter.${family}`,
      values: {
        shallow: sharpest.from.depth,
        deeper: sharpest.to.depth,
        extra: sharpest.to.depth - sharpest.from.depth,
        count: sharpest.to.depth - sharpest.from.depth, // "1 block", "2 blocks"
        shallowLoss: formatLoss(sharpest.from.loss),
        deeperLoss: formatLoss(sharpest.to.loss),
      },
    },
  ];
}

/**
 * Why measured loss may grow with depth although the classes are nested: one paragraph,
 * chosen by whether it grew in this run. Undefined until both families are complete.
 */
export function explainGrowth(
  sweep: readonly SweepPoint[],
  cfg: Pick<ExperimentConfig, 'steps' | 'seed'>,
): Sentence | undefined {
  const plain = familyCurve(sweep, 'plain');
  const residual = familyCurve(sweep, 'residual');
  if (plain.length === 0 || plain.length !== residual.length) return undefined;
  const grew = lossGrewAt(plain).length + lossGrewAt(residual).length > 0;
  return { key: grew ? 'whyGrew' : 'whyNeverGrew', values: { steps: cfg.steps, seed: cfg.seed } };
}

/** The sentence about one appended layer. */
export function describeConstruction(c: ConstructionResult): Sentence {
  const common = { delta: formatLoss(c.maxAbsChange), steps: c.extraSteps, trained: formatLoss(c.lossAfterTraining) };
  const change = { before: formatLoss(c.lossBefore), after: formatLoss(c.lossAfterAppend) };
  return {
    key: `${c.layer}Says`,
    values:
      c.layer === 'residualZero' || c.layer === 'plainIdentity'
        ? { ...common, loss: formatLoss(c.lossAfterAppend) }
        : { ...common, ...change },
  };
}

/**
 * What really differs between the families, from the measured constructions: both have
 * an identity layer (so both classes are nested), but the residual block's is at zero
 * weights and the plain layer's at W = I exactly, which a random start misses.
 * Undefined unless all three layers were measured.
 */
export function describeIdentityDifference(
  construction: readonly ConstructionResult[],
  width: number,
): Sentence | undefined {
  const of = (layer: ConstructionResult['layer']) => construction.find((c) => c.layer === layer);
  const residual = of('residualZero');
  const identity = of('plainIdentity');
  const random = of('plainRandom');
  if (!residual || !identity || !random) return undefined;
  return {
    key: 'realDifference',
    values: {
      residualDelta: formatLoss(residual.maxAbsChange),
      identityDelta: formatLoss(identity.maxAbsChange),
      width,
      weights: width * width,
      randomDelta: formatLoss(random.maxAbsChange),
      before: formatLoss(random.lossBefore),
      randomLoss: formatLoss(random.lossAfterAppend),
    },
  };
}
