/**
 * What a landscape shows, from its numbers: per network, the loss at the trained weights, its
 * largest rise within radius 0.5, and the share of inner grid points where the 2-D Hessian
 * has a negative eigenvalue; then whether this run shows Li et al.'s contrast (the plain
 * network's surface rougher than the residual one's at the same depth).
 */
import { centreLoss, nonConvexShare, riseWithin, RISE_RADIUS, type Surface } from './grid';

/** Li et al. find a plain network of 20 layers still nearly convex; the contrast shows from 56. */
export const SMOOTH_UP_TO_DEPTH = 20;

export interface RunFinding {
  readonly id: string;
  readonly family: 'plain' | 'residual';
  readonly depth: number;
  readonly centre: number;
  readonly rise: number;
  /** 0…1 */
  readonly nonConvex: number;
}

export interface LandscapeFindings {
  readonly runs: readonly RunFinding[];
  readonly radius: number;
  /** Every network is at most 20 layers deep: both surfaces are expected to be smooth. */
  readonly shallow: boolean;
  /**
   * At the deepest depth raced: 'shown' when the plain surface rises more within the radius and
   * is non-convex at more points than the residual one, 'mixed' when only one of the two holds,
   * 'not-shown' when neither does.
   */
  readonly contrast: { readonly depth: number; readonly verdict: 'shown' | 'mixed' | 'not-shown' } | undefined;
}

export function describeLandscape(
  runs: readonly (Surface & { id: string; family: 'plain' | 'residual'; depth: number })[],
): LandscapeFindings {
  const found: RunFinding[] = runs.map((r) => ({
    id: r.id,
    family: r.family,
    depth: r.depth,
    centre: centreLoss(r),
    rise: riseWithin(r),
    nonConvex: nonConvexShare(r),
  }));
  const deepest = Math.max(...found.map((f) => f.depth));
  const plain = found.find((f) => f.depth === deepest && f.family === 'plain');
  const residual = found.find((f) => f.depth === deepest && f.family === 'residual');
  let contrast: LandscapeFindings['contrast'];
  if (plain && residual) {
    const holds = [plain.rise > residual.rise, plain.nonConvex > residual.nonConvex].filter(Boolean).length;
    contrast = { depth: deepest, verdict: holds === 2 ? 'shown' : holds === 1 ? 'mixed' : 'not-shown' };
  }
  return { runs: found, radius: RISE_RADIUS, shallow: deepest <= SMOOTH_UP_TO_DEPTH, contrast };
}

/**
 * A loss or a rise as the page writes it (three significant digits, whole numbers from 100 with
 * the page language's digit grouping: 5,137), the same in the figure and the sentences.
 */
export function formatLoss(v: number, locale = 'en'): string {
  return v >= 100 ? new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v) : v.toPrecision(3);
}

/** A share as a whole percentage. */
export function formatShare(v: number): string {
  return `${Math.round(100 * v)}%`;
}
