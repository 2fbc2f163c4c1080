/**
 * What the lesion study measured, as sentences (i18n keys with values) written from this
 * run's numbers: the intact network's accuracy, which removals hardly matter, which hurt,
 * the blocks that downsample against the others, and the paper's finding beside them.
 */
import type { ResidualBlockRef } from '../../model/lesion';

/** A removal within this many points of the intact network "hardly matters". */
export const SMALL_DROP = 3;
/** A removal that costs more than this many points "hurts". */
export const LARGE_DROP = 10;
/** Ten classes: guessing gets 10 %. */
export const CHANCE = 0.1;

/** The paper's networks (Veit, Wilber, Belongie, NeurIPS 2016): CIFAR-10 ResNet-110 has 54 blocks. */
export const PAPER_BLOCKS = 54;

/** One bar of the chart: a removed block (or none) and the accuracy without it. */
export interface LesionBar {
  /** `null`: the intact network. */
  readonly removed: string | null;
  readonly accuracy: number;
  readonly downsamples: boolean;
}

export interface LesionSentence {
  readonly key: string;
  readonly values: Readonly<Record<string, string | number>>;
}

/** Accuracy as the page writes it: one decimal, in percent. */
export const pct = (x: number) => (100 * x).toFixed(1);

/** The bars from the table's correct counts (intact first) and the network's blocks. */
export function lesionBars(
  rows: readonly { readonly removed: string | null; readonly correct: number }[],
  images: number,
  blocks: readonly ResidualBlockRef[],
): LesionBar[] {
  return rows.map((r) => ({
    removed: r.removed,
    accuracy: r.correct / images,
    downsamples: !!blocks.find((b) => b.path === r.removed)?.downsamples,
  }));
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The sentences for a finished study. `list` joins block names in the page's language;
 * `count` (images) lets i18next choose its plural.
 */
export function describeLesion(
  bars: readonly LesionBar[],
  images: number,
  list: (items: string[]) => string = (items) => items.join(', '),
): LesionSentence[] {
  const intact = bars.find((b) => b.removed === null);
  const removed = bars.filter((b) => b.removed !== null);
  if (!intact || removed.length === 0) return [];
  const drop = (b: LesionBar) => 100 * (intact.accuracy - b.accuracy);
  const named = (bs: readonly LesionBar[]) => list(bs.map((b) => `${b.removed} (${pct(b.accuracy)} %)`));
  const out: LesionSentence[] = [
    { key: 'intact', values: { count: images, intact: pct(intact.accuracy), blocks: removed.length } },
  ];
  const small = removed.filter((b) => drop(b) <= SMALL_DROP);
  const large = removed.filter((b) => drop(b) > LARGE_DROP).sort((a, b) => a.accuracy - b.accuracy);
  const middle = removed.filter((b) => drop(b) > SMALL_DROP && drop(b) <= LARGE_DROP);
  if (small.length)
    out.push({ key: 'hardly', values: { count: small.length, blocks: named(small), points: SMALL_DROP } });
  if (middle.length)
    out.push({
      key: 'some',
      values: { count: middle.length, blocks: named(middle), from: SMALL_DROP, to: LARGE_DROP },
    });
  const worst = [...removed].sort((a, b) => a.accuracy - b.accuracy)[0] as LesionBar;
  if (large.length)
    out.push({ key: 'hurt', values: { count: large.length, blocks: named(large), points: LARGE_DROP } });
  out.push({
    key: worst.accuracy <= CHANCE + 0.05 ? 'worstChance' : 'worst',
    values: { block: worst.removed as string, accuracy: pct(worst.accuracy), drop: drop(worst).toFixed(1) },
  });
  const down = removed.filter((b) => b.downsamples);
  const same = removed.filter((b) => !b.downsamples);
  if (down.length && same.length) {
    const dDown = mean(down.map(drop));
    const dSame = mean(same.map(drop));
    out.push({
      key: dDown > dSame ? 'downsamplingWorse' : 'downsamplingNotWorse',
      values: {
        down: list(down.map((b) => b.removed as string)),
        dDown: dDown.toFixed(1),
        dSame: dSame.toFixed(1),
      },
    });
  }
  out.push({ key: 'paper', values: { blocks: removed.length, paperBlocks: PAPER_BLOCKS } });
  return out;
}
