/** Plain data of the residual block lab: the block's arguments, X's shape, and what PyTorch does with them. */

import { RESIDUAL_STEPS, type BlockArgs, type BlockLayerName } from '../../model/blocks';

/** The four arguments of the notebook's `Residual(input_channels, num_channels, use_1x1conv=False, strides=1)`. */
export type { BlockArgs };

/** BatchNorm's mode: `train` (batch statistics, as in the notebook's cell) or `eval` (running statistics). */
export type BnMode = 'train' | 'eval';

/** One configuration of the lab: `blk = Residual(...)`, `X = torch.rand(...)`, the mode. */
export interface LabConfig {
  readonly args: BlockArgs;
  readonly input: readonly number[];
  readonly mode: BnMode;
}

/** The layers of the block's forward, in order (named by the block's description, src/model/blocks.ts). */
export type ForwardStep = BlockLayerName;

/** The statement that runs (or raises): `input` is `torch.rand`, `construct` is `Residual(...)`, then the forward's layers. */
export type LabStage = 'input' | 'construct' | ForwardStep;
export const LAB_STAGES: readonly LabStage[] = ['input', 'construct', ...RESIDUAL_STEPS];

/** Why a configuration fails, one code per check PyTorch makes (the page explains each). */
export type FailureCause =
  | 'randFractional'
  | 'randNegative'
  | 'constructFractional'
  | 'constructNegative'
  | 'convRank'
  | 'convStride'
  | 'convZeroOut'
  | 'convChannels'
  | 'convKernel'
  | 'convZeroChannels'
  | 'bn3d'
  | 'bnSingle'
  | 'addChannels'
  | 'addSize'
  | 'addInplace';

/** One computed layer output: its name and shape (PyTorch order). */
export interface StepShape {
  readonly step: ForwardStep;
  readonly shape: readonly number[];
}

/** A change to the configuration that removes a failure. */
export interface Fix {
  readonly args?: Partial<BlockArgs>;
  readonly input?: readonly number[];
  readonly mode?: BnMode;
}

export interface OkOutcome {
  readonly kind: 'ok';
  readonly output: readonly number[];
  /** What the notebook prints before `Y += X`: Y's shape, then X's. */
  readonly printedShapes: readonly [readonly number[], readonly number[]];
  readonly steps: readonly StepShape[];
  /** Dimensions where X (size 1) was broadcast over Y; empty when the shapes are equal. */
  readonly broadcastDims: readonly number[];
}

export interface ErrorOutcome {
  readonly kind: 'error';
  readonly stage: LabStage;
  readonly errorType: 'RuntimeError' | 'ValueError' | 'TypeError';
  /** PyTorch's message, exactly. */
  readonly message: string;
  readonly cause: FailureCause;
  /** Values for the explanation (`why`) and fix strings. */
  readonly detail: Readonly<Record<string, string | number>>;
  readonly printedShapes?: readonly [readonly number[], readonly number[]];
  /** The layers that ran before the failure. */
  readonly steps: readonly StepShape[];
  readonly fix?: Fix;
}

export type BlockOutcome = OkOutcome | ErrorOutcome;
