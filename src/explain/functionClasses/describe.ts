/**
 * What a run of the depth experiment measured, in sentences built from its numbers
 * (translation keys with values). Nothing here assumes which family wins: every
 * sentence is chosen and filled from the result.
 */
import type { ConstructionResult, Family, SweepPoint } from './experimentSetup';

export interface Sentence {
  /** Key under `functionClasses.experiment.` */
  readonly key: string;
  readonly values: Record<string, string | number>;
  /** Values that are family names, to be translated by the caller. */
  readonly families?: Record<string, Family>;
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
  ] as const) {
    const worse = curve.slice(1).filter((pt, i) => pt.loss > curve[i]!.loss).length;
    if (worse > 0)
      out.push({ key: 'worseDeeper', values: { family, count: worse, of: curve.length - 1 }, families: { family } });
  }
  return out;
}

/** The sentence about one zero-layer construction. */
export function describeConstruction(c: ConstructionResult): Sentence {
  const common = { delta: formatLoss(c.maxAbsChange), steps: c.extraSteps, trained: formatLoss(c.lossAfterTraining) };
  return c.family === 'residual'
    ? { key: 'residualSays', values: { ...common, loss: formatLoss(c.lossAfterAppend) } }
    : {
        key: 'plainSays',
        values: { ...common, before: formatLoss(c.lossBefore), after: formatLoss(c.lossAfterAppend) },
      };
}
