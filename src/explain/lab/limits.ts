/**
 * What the browser can run: before a tensor is made, the lab sizes every intermediate
 * and the work of the convolutions from the shapes, and refuses configurations that
 * would exhaust memory or freeze a school laptop, with the numbers that decided it.
 */
import { blockLayers } from '../../model/blocks';
import type { BlockArgs, StepShape } from './types';

/** Largest tensor the lab makes: 2²¹ floats (8 MB). */
export const MAX_ELEMENTS = 2 ** 21;
/** Most multiply-adds of one forward pass: about a second on WASM. */
export const MAX_MACS = 400e6;
/** Largest size a student may type for one dimension (keeps the arithmetic exact and the messages short). */
export const MAX_DIM = 100_000;

export type LimitProblem =
  | { readonly code: 'tooBigDim'; readonly value: number; readonly max: number }
  | { readonly code: 'tooManyElements'; readonly what: string; readonly elements: number; readonly max: number }
  | { readonly code: 'tooMuchWork'; readonly macs: number; readonly max: number }
  | { readonly code: 'empty' };

const count = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** The block's convolutions (from its description, src/model/blocks.ts), in forward order. */
const convsOf = (args: BlockArgs) => blockLayers({ ...args, kind: 'basic' }).filter((l) => l.conv);

/** Multiply-adds of the block's convolutions for these output shapes: each output value takes C_in·k² of them. */
export function blockMacs(args: BlockArgs, steps: readonly StepShape[]): number {
  const out = (step: string) => count(steps.find((s) => s.step === step)?.shape ?? []);
  return convsOf(args).reduce((sum, l) => sum + out(l.name) * l.conv!.inChannels * l.conv!.kernel ** 2, 0);
}

/** Any typed value beyond what the lab handles (checked before PyTorch's rules run). */
export function checkTyped(args: BlockArgs, input: readonly number[]): LimitProblem | undefined {
  for (const v of [args.inputChannels, args.numChannels, args.strides, ...input]) {
    if (Math.abs(v) > MAX_DIM) return { code: 'tooBigDim', value: v, max: MAX_DIM };
  }
  return undefined;
}

/** Whether a configuration PyTorch accepts can run here; checked before any tensor is made. */
export function checkRunnable(
  args: BlockArgs,
  input: readonly number[],
  steps: readonly StepShape[],
): LimitProblem | undefined {
  const tensors: [string, number][] = [
    ['X', count(input)],
    ...steps.map((s): [string, number] => [s.step, count(s.shape)]),
    ...convsOf(args).map(({ name, conv: c }): [string, number] => [
      `${name}.weight`,
      c!.outChannels * c!.inChannels * c!.kernel ** 2,
    ]),
  ];
  for (const [what, elements] of tensors) {
    if (elements > MAX_ELEMENTS) return { code: 'tooManyElements', what, elements, max: MAX_ELEMENTS };
  }
  const macs = blockMacs(args, steps);
  if (macs > MAX_MACS) return { code: 'tooMuchWork', macs, max: MAX_MACS };
  if (tensors.some(([, e]) => e === 0)) return { code: 'empty' };
  return undefined;
}
