/**
 * One colour range for tensors shown side by side (F(x), x and their sum at an addition),
 * so their colours compare: the smallest and largest value over all of them.
 */
import type { PlainTensor } from '../../model/types';

export function unionRange(ts: readonly PlainTensor[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const t of ts)
    for (const v of t.data) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  return { min, max };
}
