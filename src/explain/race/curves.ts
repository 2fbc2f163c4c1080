/**
 * The race's measurements gathered per network as the worker reports them: the curves the
 * charts draw and the sentences are generated from. Plain data; `addSteps` returns new
 * objects so React sees the change.
 */
import type { StepRecord } from './setup';

export interface RaceCurve {
  readonly id: string;
  /** Training loss of every step, with the network's training seconds at that step. */
  readonly loss: readonly { readonly step: number; readonly seconds: number; readonly loss: number }[];
  /** Validation accuracy at evaluation steps, and that validation's milliseconds per image where measured. */
  readonly val: readonly {
    readonly step: number;
    readonly seconds: number;
    readonly accuracy: number;
    readonly msPerImage?: number;
  }[];
  readonly grads: readonly { readonly step: number; readonly norms: readonly number[] }[];
}

export type RaceCurves = Readonly<Record<string, RaceCurve>>;

/** Add the records of some steps (in order) to the curves. */
export function addSteps(curves: RaceCurves, steps: readonly (readonly StepRecord[])[]): RaceCurves {
  const out: Record<string, RaceCurve> = { ...curves };
  for (const records of steps) {
    for (const r of records) {
      const c = out[r.id] ?? { id: r.id, loss: [], val: [], grads: [] };
      out[r.id] = {
        id: r.id,
        loss: [...c.loss, { step: r.step, seconds: r.seconds, loss: r.loss }],
        val:
          r.valAccuracy === undefined
            ? c.val
            : [
                ...c.val,
                {
                  step: r.step,
                  seconds: r.seconds,
                  accuracy: r.valAccuracy,
                  ...(r.valMsPerImage !== undefined ? { msPerImage: r.valMsPerImage } : {}),
                },
              ],
        grads: r.gradNorms ? [...c.grads, { step: r.step, norms: r.gradNorms }] : c.grads,
      };
    }
  }
  return out;
}

/** The mean training loss of the last `window` steps (all of them when fewer). */
export function recentLoss(losses: readonly number[], window = 50): number {
  const tail = losses.slice(-window);
  return tail.reduce((s, l) => s + l, 0) / Math.max(1, tail.length);
}

/** Steps done by the slowest network (the race's position). */
export function stepsDone(curves: RaceCurves, ids: readonly string[]): number {
  return Math.min(...ids.map((id) => curves[id]?.loss.length ?? 0));
}

/** Images per second of one network: images seen over its training seconds. */
export function imagesPerSecond(curve: RaceCurve | undefined, batch: number): number {
  const last = curve?.loss.at(-1);
  return last && last.seconds > 0 ? (last.step * batch) / last.seconds : 0;
}
