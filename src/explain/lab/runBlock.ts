/**
 * Runs the notebook's `Residual` forward on tfjs one statement at a time, reading each
 * intermediate out as plain (N, C, H, W) data and yielding to the page between
 * statements, so a large block never freezes it. Only called for configurations
 * `blockOutcome` says PyTorch accepts (and `checkRunnable` says fit): `Y += X` then
 * broadcasts exactly as `tf.add` does.
 *
 * BatchNorm runs in inference mode (running statistics: a fresh block's mean 0,
 * variance 1), not the batch statistics of PyTorch's training mode.
 */
import * as tf from '@tensorflow/tfjs-core';
import { randomInput, readNCHW, runPlanStepwise, type PlainTensor } from '../../model';
import { nchwToNhwc } from '../../model/layers';
import {
  disposeResidualWeights,
  randomResidualWeights,
  residualPlan,
  type ResidualWeights,
} from '../../model/residual';
import type { BlockArgs, ForwardStep } from './types';

export interface BlockRunOptions {
  /** Seed of the weights; the input uses `seed + 1`. */
  readonly seed: number;
  /** Set bn2's γ and β to 0, so the branch outputs zeros. */
  readonly zeroBranch?: boolean;
  /** `false`: a regular block, no `Y += X` (the left of the notebook's ResNet2.png). */
  readonly shortcut?: boolean;
  /** How to give the page a turn between statements (default: the plan runner's). */
  readonly pause?: () => Promise<void>;
  /** Run only the first statements (those PyTorch completes before an error). */
  readonly maxSteps?: number;
  /** Stop early (a newer run started). */
  readonly signal?: AbortSignal;
}

export interface BlockRun {
  readonly input: PlainTensor;
  readonly steps: readonly { readonly step: ForwardStep; readonly tensor: PlainTensor }[];
  /** The last step's tensor: the block's output when every step ran. */
  readonly output: PlainTensor;
}

function zeroed(w: ResidualWeights): ResidualWeights {
  const c = w.bn2.weight.shape[0];
  return { ...w, bn2: { ...w.bn2, weight: tf.zeros([c]), bias: tf.zeros([c]) } };
}

/** The block's forward, statement by statement; every tensor it makes is disposed before it returns. */
export async function runBlock(
  args: BlockArgs,
  inputShape: readonly number[],
  opts: BlockRunOptions,
): Promise<BlockRun> {
  const fresh = randomResidualWeights(args, opts.seed);
  const w = opts.zeroBranch ? zeroed(fresh) : fresh;
  const x = tf.tidy(() => nchwToNhwc(randomInput(inputShape, opts.seed + 1)));
  try {
    const input = await readNCHW(x);
    const plan = residualPlan(args, w, '', 'X', { shortcut: opts.shortcut !== false, broadcast: true });
    const steps: { step: ForwardStep; tensor: PlainTensor }[] = [];
    // the notebook's forward, one statement at a time, each read out for the page
    const values = await runPlanStepwise(plan, new Map([['X', x]]), {
      sliceMs: 0,
      ...(opts.pause ? { yieldTurn: opts.pause } : {}),
      ...(opts.maxSteps !== undefined ? { maxSteps: opts.maxSteps } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      onOutput: async (path, t) => {
        steps.push({ step: path as ForwardStep, tensor: await readNCHW(t) });
      },
    });
    tf.dispose([...values.values()].filter((t) => t !== x));
    return { input, steps, output: steps.at(-1)?.tensor ?? input };
  } finally {
    x.dispose();
    if (w !== fresh) tf.dispose([w.bn2.weight, w.bn2.bias]);
    disposeResidualWeights(fresh);
  }
}

/** max |a − b| over two tensors of one shape; max |a| when `b` is omitted. */
export function maxAbsDiff(a: PlainTensor, b?: PlainTensor): number {
  if (b && a.data.length !== b.data.length) throw new Error('maxAbsDiff: shapes differ');
  let m = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = Math.abs((a.data[i] as number) - (b ? (b.data[i] as number) : 0));
    if (d > m) m = d;
  }
  return m;
}
