/** One colour per raced network: plain in oranges, residual in blues, darker for deeper. */
import { FAMILY_RAMPS } from '../../viz/palette';

const PLAIN = FAMILY_RAMPS.plain;
const RESIDUAL = FAMILY_RAMPS.residual;

/** The colour of `family-n` among the raced `ns` (sorted). */
export function raceColour(family: string, n: number, ns: readonly number[]): string {
  const rank = Math.max(0, [...ns].sort((a, b) => a - b).indexOf(n));
  const palette = family === 'plain' ? PLAIN : RESIDUAL;
  // with two depths, use the lightest and the darkest-but-one so they differ clearly
  const i = ns.length === 2 ? [0, 2][rank]! : rank;
  return palette[Math.min(i, palette.length - 1)]!;
}
