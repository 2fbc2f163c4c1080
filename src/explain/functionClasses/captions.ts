/**
 * What each step of the figure says, as translation keys with values: the words are
 * in src/i18n/functionClasses.ts, the numbers come from the geometry.
 */
import type { BestFit, PanelKind } from './regions';

export interface Caption {
  /** Key under `functionClasses.step.` */
  readonly key: 'first' | 'closer' | 'farther' | 'same' | 'inside' | 'stillInside';
  readonly values: { readonly i: number; readonly prev: number; readonly d: string; readonly before: string };
}

/** Distances are shown with one decimal; below this they count as zero (f* inside). */
const ZERO = 0.05;

/** Format a distance the way the figure shows it. */
export function formatDistance(d: number): string {
  return d < ZERO ? '0' : d.toFixed(1);
}

/**
 * The caption of step `step` (1-based) of a panel: how far the best approximation in
 * F_step is from f*, compared with F_(step−1).
 */
export function stepCaption(fits: readonly BestFit[], step: number): Caption {
  const cur = fits[step - 1];
  if (!cur) throw new RangeError(`step ${step} is outside 1…${fits.length}`);
  const values = { i: step, prev: step - 1, d: formatDistance(cur.distance), before: '' };
  if (step === 1) return { key: cur.distance < ZERO ? 'inside' : 'first', values };
  const before = fits[step - 2]!.distance;
  const withBefore = { ...values, before: formatDistance(before) };
  if (cur.distance < ZERO) return { key: before < ZERO ? 'stillInside' : 'inside', values: withBefore };
  if (formatDistance(cur.distance) === formatDistance(before)) return { key: 'same', values: withBefore };
  return { key: cur.distance < before ? 'closer' : 'farther', values: withBefore };
}

/**
 * When F_step's best approximation is farther from f* than a smaller class's (other than
 * F_(step−1), which the step's caption already compares): the closest of them. This is what
 * non-nesting allows: a larger class can be worse than one it does not contain.
 */
export function fartherThanSmaller(
  fits: readonly BestFit[],
  step: number,
): { readonly i: number; readonly d: string; readonly j: number; readonly dj: string } | undefined {
  const cur = fits[step - 1];
  if (!cur || step < 3) return undefined;
  let best = 0;
  for (let j = 1; j < step - 2; j++) if (fits[j]!.distance < fits[best]!.distance) best = j;
  const d = formatDistance(cur.distance);
  const dj = formatDistance(fits[best]!.distance);
  if (cur.distance <= fits[best]!.distance || d === dj) return undefined;
  return { i: step, d, j: best + 1, dj };
}

/** Whether a list of distances never grows from one class to the next. */
export function neverGrows(distances: readonly number[], tolerance = 1e-9): boolean {
  return distances.every((d, i) => i === 0 || d <= distances[i - 1]! + tolerance);
}

/** The step (1-based) whose class is closest to f*, the first of ties. */
export function closestStep(fits: readonly BestFit[]): number {
  let best = 0;
  fits.forEach((f, i) => {
    if (f.distance < fits[best]!.distance - 1e-9) best = i;
  });
  return best + 1;
}

/** Which panel-level sentence fits: the non-nested panel got farther at some step, or not. */
export function panelSummaryKey(
  panel: PanelKind,
  fits: readonly BestFit[],
): 'nestedNeverGrows' | 'nonNestedGrew' | 'nonNestedLucky' {
  if (panel === 'nested') return 'nestedNeverGrows';
  return neverGrows(fits.map((f) => f.distance)) ? 'nonNestedLucky' : 'nonNestedGrew';
}
