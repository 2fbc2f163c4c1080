/**
 * The notebook's claim, measured: if a new layer can learn the identity, adding it cannot
 * make the model worse. Zero the residual branch (bn2's γ = 0, β = 0): the residual
 * block then outputs relu(0 + x) = x for x ≥ 0 (torch.rand is in [0, 1)). The same
 * zeroing in a regular block (no shortcut) makes it output 0, not x.
 */
import type { PlainTensor } from '../../model/types';
import { checkRunnable, MAX_DIM } from './limits';
import { blockOutcome } from './outcome';
import { NOTEBOOK_CONFIG } from './pythonLine';
import { maxAbsDiff, runBlock } from './runBlock';

export interface IdentityMeasure {
  /** max |out − x| */
  readonly maxDiff: number;
  /** max |out| */
  readonly maxOut: number;
}

export interface IdentityResult {
  readonly channels: number;
  readonly shape: readonly number[];
  readonly residual: IdentityMeasure;
  readonly regular: IdentityMeasure;
  /** Smallest input value (≥ 0: torch.rand). */
  readonly minInput: number;
  /** The tensors, for drawing: x, the residual block's output, the regular block's. */
  readonly x: PlainTensor;
  readonly residualOut: PlainTensor;
  readonly regularOut: PlainTensor;
}

/** Run `Residual(C, C)` with the branch zeroed, with and without its shortcut, on `torch.rand(shape)`. */
export async function identityExperiment(
  shape: readonly number[],
  seed: number,
  pause?: () => Promise<void>,
): Promise<IdentityResult> {
  const channels = shape[1] as number;
  const args = { inputChannels: channels, numChannels: channels, use1x1conv: false, strides: 1 };
  const base = { seed, zeroBranch: true, ...(pause ? { pause } : {}) };
  const res = await runBlock(args, shape, base);
  const reg = await runBlock(args, shape, { ...base, shortcut: false });
  let minInput = Infinity;
  for (const v of res.input.data) minInput = Math.min(minInput, v);
  const measure = (out: typeof res.output, x: typeof res.input) => ({
    maxDiff: maxAbsDiff(out, x),
    maxOut: maxAbsDiff(out),
  });
  return {
    channels,
    shape,
    residual: measure(res.output, res.input),
    regular: measure(reg.output, reg.input),
    minInput,
    x: res.input,
    residualOut: res.output,
    regularOut: reg.output,
  };
}

/**
 * The X the identity experiment uses: the lab's own X when `Residual(C, C)` can run on it
 * here (4-D, positive whole sizes, within the page's limits), else the notebook's (4, 3, 6, 6).
 */
export function identityShapeFor(input: readonly number[]): readonly number[] {
  if (input.length === 4 && input.every((v) => Number.isInteger(v) && v >= 1 && v <= MAX_DIM)) {
    const c = input[1] as number;
    const args = { inputChannels: c, numChannels: c, use1x1conv: false, strides: 1 };
    const o = blockOutcome({ args, input, mode: 'eval' });
    if (o.kind === 'ok' && !checkRunnable(args, input, o.steps)) return input;
  }
  return NOTEBOOK_CONFIG.input;
}
