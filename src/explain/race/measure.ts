/**
 * Timing the probe network on the current backend: the measurement the race chooses its
 * backend (./probePolicy.ts) and its budget (./budgets.ts) by. It trains at two batch
 * sizes, which splits a step's time into a part per image and a part per step (kernel
 * launches, shader dispatch, JavaScript), the two things that grow differently with the
 * budgets' batches, widths and depths.
 *
 * The machine may be busy (another tab, a compile, the garbage collector): one slow step in
 * two timed ones once made the estimate 298 s against 127 s measured. So the first steps
 * (kernels built, shaders compiled) are not timed, the two sizes take turns (a burst of load
 * hits both), and each size's figure is the median of its timed steps.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LabelledImages } from './data';
import { PROBE_NET, type ProbeNet, type ProbeSpeed } from './budgets';
import { batchIndices, RACE_RECIPE } from './setup';
import { RaceTrainer, toBatch } from './trainer';

/**
 * The small batch the per-step part is told apart with. With the probe's big batch of 32 (the
 * race's own at `quick` and `short`) the first estimate was 3.0–3.1× the training time in two
 * idle runs, against 4.2× with 16 and 4: a small batch leaves threads idle, so its per-image
 * time scaled up to the race's batch overestimates.
 */
export const SMALL_BATCH = 8;
/** Untimed steps at each size first: the first builds kernels or compiles shaders. */
export const PROBE_WARM_UP = 2;
/**
 * …and untimed steps go on until this much time has passed: in a fresh worker the first
 * second of training can run slower than the race will (code not yet optimised, memory still
 * growing). Measured in fresh pages here, WebAssembly's probe read 38–52 ms a step (median of
 * five pages 50 ms) with two warm-up steps, 26–48 ms (median of eleven 40 ms) with this warm-up;
 * the races themselves ran at about 33–40 ms for the same network. Some spread remains.
 */
export const PROBE_WARM_UP_MS = 1000;
/** Timed steps at each size (a step of the probe network takes about 40 ms on WebAssembly here). */
export const PROBE_TIMED = 9;

/** The median: a few steps slowed by something else on the machine do not move it. */
export function typicalMs(samples: readonly number[]): number {
  if (!samples.length) throw new Error('no step was timed');
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Time `step` at both sizes, taking turns: `PROBE_WARM_UP` untimed steps of each (more, until
 * `PROBE_WARM_UP_MS` has passed), then `PROBE_TIMED` timed ones of each. Resolves with the
 * timed milliseconds of each size, in order.
 */
export async function sampleProbeSteps(
  step: (size: 'big' | 'small') => Promise<void>,
  now: () => number = () => performance.now(),
): Promise<{ big: number[]; small: number[] }> {
  const out = { big: [] as number[], small: [] as number[] };
  const began = now();
  for (let i = 0; i < PROBE_WARM_UP || now() - began < PROBE_WARM_UP_MS; i++)
    for (const size of ['big', 'small'] as const) await step(size);
  for (let i = 0; i < PROBE_TIMED; i++)
    for (const size of ['big', 'small'] as const) {
      const start = now();
      await step(size);
      out[size].push(now() - start);
    }
  return out;
}

/**
 * The probe network's speed on the current backend; `onStep` after each step.
 * (`net`: tests time a smaller one.)
 */
export async function timeProbe(
  train: LabelledImages,
  net: ProbeNet = PROBE_NET,
  onStep: () => void = () => undefined,
): Promise<ProbeSpeed> {
  const t = new RaceTrainer(net.spec, RACE_RECIPE);
  const [big, small] = [net.batch, SMALL_BATCH].map((b) =>
    toBatch(train, batchIndices(train.labels.length, b, 1, 1)[0]!),
  );
  try {
    const samples = await sampleProbeSteps(async (size) => {
      const b = size === 'big' ? big! : small!;
      await t.step(b.x, b.y);
      onStep();
    });
    return speedFromSamples(samples, net.batch);
  } finally {
    tf.dispose([big!.x, big!.y, small!.x, small!.y]);
    t.dispose();
  }
}

/** The speed from the timed steps of each size: the median of each (`typicalMs`), split by `speedFromTimes`. */
export function speedFromSamples(
  samples: { readonly big: readonly number[]; readonly small: readonly number[] },
  batch = PROBE_NET.batch,
): ProbeSpeed {
  return speedFromTimes(typicalMs(samples.big), typicalMs(samples.small), batch);
}

/** A step's time at the two batch sizes as a part per step and a part per image (neither below 0). */
export function speedFromTimes(msBig: number, msSmall: number, batch = PROBE_NET.batch): ProbeSpeed {
  const [B, b] = [batch, SMALL_BATCH];
  const perImageMs = Math.max(0, (msBig - msSmall) / (B - b));
  const fixedMs = Math.max(0, msBig - B * perImageMs);
  return { msPerStep: msBig, fixedMs, perImageMs };
}
