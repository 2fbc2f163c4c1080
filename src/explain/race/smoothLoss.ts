/** Loss curves are the mean of the last SMOOTH steps, so the race's lines can be told apart. */
export const SMOOTH = 10;

/** The running mean of the last `window` values (fewer at the start), one per value. */
export function smooth(ys: readonly number[], window = SMOOTH): number[] {
  let sum = 0;
  return ys.map((y, i) => {
    sum += y - (i >= window ? ys[i - window]! : 0);
    return sum / Math.min(i + 1, window);
  });
}
