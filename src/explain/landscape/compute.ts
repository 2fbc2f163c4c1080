/**
 * Computing the loss landscape of each trained race network (src/model/landscape.ts) on the
 * race's backend: grid point by grid point, reporting progress, yielding between points so a
 * cancel arrives, every tensor freed. Runs in the race worker (src/explain/race/runtime.ts)
 * and in Node.
 */
import * as tf from '@tensorflow/tfjs-core';
import { LandscapeEvaluator } from '../../model/landscape';
import { raceDepth, type RaceFamily, type RaceNet } from '../../model/raceNet';
import type { LabelledImages } from '../race/data';
import { toBatch } from '../race/trainer';
import { gridPoints, type Surface } from './grid';

export interface LandscapeOptions {
  /** Points per side of the grid (odd, so the trained weights are a grid point). */
  readonly size: number;
  /** The first `images` training images. */
  readonly images: number;
}

/** One network's surface, with what it is. */
export interface LandscapeRun extends Surface {
  readonly id: string;
  readonly family: RaceFamily;
  readonly depth: number;
}

export interface LandscapeResult extends LandscapeOptions {
  readonly runs: readonly LandscapeRun[];
  /** Milliseconds per grid point of each network, measured. */
  readonly msPerPoint: readonly number[];
}

export interface LandscapeProgress {
  /** Grid points done, over every network, and their total. */
  readonly done: number;
  readonly total: number;
  /** Seconds left at the pace so far. */
  readonly secondsLeft: number;
}

export interface LandscapeHooks {
  readonly onProgress?: (p: LandscapeProgress) => void;
  /** Checked between points: true ends the computation with 'cancelled'. */
  readonly cancelled?: () => boolean;
  /** Awaited between points (a worker lets its messages in here). */
  readonly between?: () => Promise<void>;
  readonly now?: () => number;
}

/** Every network's surface, or 'cancelled'. `nets` are read, never changed. */
export async function computeLandscape(
  nets: readonly { readonly id: string; readonly net: RaceNet }[],
  train: LabelledImages,
  opts: LandscapeOptions,
  hooks: LandscapeHooks = {},
): Promise<LandscapeResult | 'cancelled'> {
  if (opts.size % 2 !== 1) throw new Error(`the grid needs an odd number of points per side, not ${opts.size}`);
  const now = hooks.now ?? (() => performance.now());
  const points = gridPoints(opts.size);
  const total = points.length * nets.length;
  const { x, y } = toBatch(
    train,
    Array.from({ length: opts.images }, (_, i) => i),
  );
  const runs: LandscapeRun[] = [];
  const msPerPoint: number[] = [];
  const t0 = now();
  let done = 0;
  try {
    for (const { id, net } of nets) {
      const evaluator = await LandscapeEvaluator.create(net, x, y);
      const t1 = now();
      const loss: number[] = [];
      try {
        for (const p of points) {
          await hooks.between?.();
          if (hooks.cancelled?.()) return 'cancelled';
          loss.push(await evaluator.lossAt(p.a, p.b));
          done++;
          hooks.onProgress?.({ done, total, secondsLeft: ((now() - t0) / done / 1000) * (total - done) });
        }
      } finally {
        evaluator.dispose();
      }
      msPerPoint.push((now() - t1) / points.length);
      runs.push({ id, family: net.spec.family, depth: raceDepth(net.spec.n), size: opts.size, loss });
    }
  } finally {
    tf.dispose([x, y]);
  }
  return { ...opts, runs, msPerPoint };
}
