/**
 * What removing one block at a time did to the race's trained networks, as sentences (i18n
 * keys with values) from the run's numbers: for each depth raced with n ≥ 3, the plain and the
 * residual network's mean accuracy with one block removed, and whether this run shows what the
 * paper reports — plain networks collapsing, residual ones degrading gracefully — or not.
 */
import type { RaceLesionRow } from '../../model/raceLesion';
import { CHANCE, pct, type LesionSentence } from './describe';

/** The race's lesion study is offered for networks with this many blocks per stage or more. */
export const RACE_LESION_MIN_N = 3;
/** "Collapses": the mean accuracy with one block removed is within this of chance. */
export const COLLAPSE_MARGIN = 0.1;
/** "Degrades gracefully": the mean accuracy with one block removed is at most this far below the intact network. */
export const GRACEFUL_DROP = 0.1;

export interface RaceLesionNetwork {
  readonly family: 'plain' | 'residual';
  readonly n: number;
  readonly depth: number;
  readonly rows: readonly RaceLesionRow[];
  readonly images: number;
}

/** Intact accuracy, mean and lowest accuracy with one block removed. */
export function lesionSummary(net: RaceLesionNetwork): { intact: number; mean: number; lowest: number } {
  const intact = (net.rows.find((r) => r.removed === null)?.correct ?? 0) / net.images;
  const removed = net.rows.filter((r) => r.removed !== null).map((r) => r.correct / net.images);
  const mean = removed.reduce((a, b) => a + b, 0) / Math.max(1, removed.length);
  return { intact, mean, lowest: Math.min(...removed) };
}

/** One sentence per network pair (plain and residual of the same depth), then the verdict. */
export function describeRaceLesion(nets: readonly RaceLesionNetwork[]): LesionSentence[] {
  const out: LesionSentence[] = [];
  const depths = [...new Set(nets.filter((n) => n.n >= RACE_LESION_MIN_N).map((n) => n.depth))].sort((a, b) => a - b);
  for (const depth of depths) {
    const plain = nets.find((n) => n.depth === depth && n.family === 'plain');
    const residual = nets.find((n) => n.depth === depth && n.family === 'residual');
    if (!plain || !residual) continue;
    const p = lesionSummary(plain);
    const r = lesionSummary(residual);
    const values = {
      depth,
      count: plain.rows.length - 1,
      pIntact: pct(p.intact),
      pMean: pct(p.mean),
      pLowest: pct(p.lowest),
      rIntact: pct(r.intact),
      rMean: pct(r.mean),
      rLowest: pct(r.lowest),
      points: Math.round(100 * GRACEFUL_DROP),
    };
    out.push({ key: 'pair', values });
    const collapses = p.mean <= CHANCE + COLLAPSE_MARGIN;
    const graceful = r.intact - r.mean <= GRACEFUL_DROP;
    out.push({
      key: collapses && graceful ? 'shows' : collapses ? 'bothHurt' : graceful ? 'plainSurvives' : 'neither',
      values,
    });
  }
  return out;
}
