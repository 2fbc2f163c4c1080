/** One colour per raced network: plain in oranges, residual in blues, darker for deeper. */
const PLAIN = ['#f4a259', '#d9480f', '#a33a0b', '#6b2206'];
const RESIDUAL = ['#74a9e8', '#1d4ed8', '#163a9e', '#0b1f5c'];

/** The colour of `family-n` among the raced `ns` (sorted). */
export function raceColour(family: string, n: number, ns: readonly number[]): string {
  const rank = Math.max(0, [...ns].sort((a, b) => a - b).indexOf(n));
  const palette = family === 'plain' ? PLAIN : RESIDUAL;
  // with two depths, use the lightest and the darkest-but-one so they differ clearly
  const i = ns.length === 2 ? [0, 2][rank]! : rank;
  return palette[Math.min(i, palette.length - 1)]!;
}
