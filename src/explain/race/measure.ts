/**
 * Timing the probe network on the current backend: the measurement the race chooses its
 * backend (./probePolicy.ts) and its budget (./budgets.ts) by. It trains at two batch
 * sizes, which splits a step's time into a part per image and a part per step (kernel
 * launches, shader dispatch, JavaScript), the two things that grow differently with the
 * budgets' batches, widths and depths.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LabelledImages } from './data';
import { PROBE_NET, type ProbeNet, type ProbeSpeed } from './budgets';
import { batchIndices, RACE_RECIPE } from './setup';
import { RaceTrainer, toBatch } from './trainer';

/** The small batch the per-step part is told apart with. */
const SMALL_BATCH = 4;
const TIMED = 2;

/**
 * The probe network's speed on the current backend, after a warm-up at both batch sizes.
 * (`net`: tests time a smaller one.)
 */
export async function timeProbe(train: LabelledImages, net: ProbeNet = PROBE_NET): Promise<ProbeSpeed> {
  const t = new RaceTrainer(net.spec, RACE_RECIPE);
  const [big, small] = [net.batch, SMALL_BATCH].map((b) =>
    toBatch(train, batchIndices(train.labels.length, b, 1, 1)[0]!),
  );
  const time = async (b: { x: tf.Tensor4D; y: tf.Tensor2D }) => {
    const start = performance.now();
    await t.step(b.x, b.y);
    return performance.now() - start;
  };
  try {
    await time(big!);
    await time(small!);
    let [msBig, msSmall] = [0, 0];
    for (let i = 0; i < TIMED; i++) {
      msBig += (await time(big!)) / TIMED;
      msSmall += (await time(small!)) / TIMED;
    }
    return speedFromTimes(msBig, msSmall, net.batch);
  } finally {
    tf.dispose([big!.x, big!.y, small!.x, small!.y]);
    t.dispose();
  }
}

/** A step's time at the two batch sizes as a part per step and a part per image (neither below 0). */
export function speedFromTimes(msBig: number, msSmall: number, batch = PROBE_NET.batch): ProbeSpeed {
  const [B, b] = [batch, SMALL_BATCH];
  const perImageMs = Math.max(0, (msBig - msSmall) / (B - b));
  const fixedMs = Math.max(0, msBig - B * perImageMs);
  return { msPerStep: msBig, fixedMs, perImageMs };
}
