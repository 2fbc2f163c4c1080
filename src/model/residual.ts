/**
 * The notebook's `Residual` block on tfjs:
 *
 *     Y = F.relu(self.bn1(self.conv1(X)))
 *     Y = self.bn2(self.conv2(Y))
 *     if self.conv3: X = self.conv3(X)
 *     Y += X
 *     return F.relu(Y)
 */
import * as tf from '@tensorflow/tfjs-core';
import { moduleEntries, type StateDictEntry } from './architecture';
import { blockLayers, blockModules, plainBlockLayers, RESIDUAL_STEPS, type BlockArgs } from './blocks';
import { initialValues } from './init';
import { torchConvToTf, type BatchNormWeights, type ConvWeights } from './layers';
import { plannedOp } from './plan';
import { runPlan, type PlannedOp, type Recorder } from './planRunner';

/** A residual block's weights in tfjs layout. */
export interface ResidualWeights {
  readonly conv1: ConvWeights;
  readonly bn1: BatchNormWeights;
  readonly conv2: ConvWeights;
  readonly bn2: BatchNormWeights;
  readonly conv3?: ConvWeights;
}

/** Called with each intermediate tensor (NHWC) and its layer name inside the block. */
export type { Recorder };

/** The block's layer names in the order the notebook's `forward` produces them (from its description). */
export { RESIDUAL_STEPS };
export type ResidualStep = string;

export interface ResidualPlanOptions {
  /** `false`: a regular block, no shortcut and no `Y += X` (the left of the notebook's ResNet2.png). */
  readonly shortcut?: boolean;
  /**
   * `Y += X` broadcasting X as PyTorch does (the block lab, for configurations PyTorch
   * accepts); by default the shapes must match, as they do everywhere in ResNet-18.
   */
  readonly broadcast?: boolean;
}

/**
 * The notebook's `Residual.forward` as a list of operations, so the same code runs all at
 * once (`residualForward`) or one operation at a time (tracing that yields to the page,
 * the block lab). `prefix` is prepended to the layer names (`b3.0.` → `b3.0.conv1`),
 * `inputPath` names X. The layers come from the block's description (`blocks.ts`).
 */
export function residualPlan(
  cfg: BlockArgs,
  w: ResidualWeights,
  prefix: string,
  inputPath: string,
  opts: ResidualPlanOptions = {},
): PlannedOp[] {
  if (cfg.use1x1conv && !w.conv3) throw new Error('use_1x1conv=True but the block has no conv3 weights');
  const basic = { ...cfg, kind: 'basic' } as const;
  const layers = opts.shortcut === false ? plainBlockLayers(basic) : blockLayers(basic);
  const resolve = (name: string) => (name === 'X' ? inputPath : `${prefix}${name}`);
  const weightsOf = (name: string) => w[name as keyof ResidualWeights] as ConvWeights | BatchNormWeights;
  return layers.map((l) => {
    const conv = l.conv ? { conv: l.conv } : {};
    return plannedOp(
      { path: `${prefix}${l.name}`, op: l.op, inputs: l.inputs.map(resolve), key: l.name, ...conv },
      weightsOf,
      opts.broadcast ? { broadcast: true } : {},
    );
  });
}

/**
 * Run one residual block on an NHWC tensor. `record`, when given, sees every
 * intermediate by layer name; the caller decides whether to keep them (inside `tf.tidy`).
 * Throws, like PyTorch, when Y and X cannot be added.
 */
export function residualForward(cfg: BlockArgs, w: ResidualWeights, x: tf.Tensor4D, record?: Recorder): tf.Tensor4D {
  const values = runPlan(residualPlan(cfg, w, '', 'X'), new Map([['X', x]]), record);
  return values.get('relu2') as tf.Tensor4D;
}

/** A freshly initialised block, as `Residual(...)` gives in PyTorch, from a seed (PyTorch's default init). */
export function randomResidualWeights(cfg: BlockArgs, seed: number): ResidualWeights {
  const modules = blockModules({ ...cfg, kind: 'basic' }).map((l) => ({ ...l, key: l.name }));
  const entries = moduleEntries(modules);
  const values = initialValues(entries, seed);
  return tf.tidy(() => {
    const shapeOf = (key: string) => (entries.find((e) => e.key === key) as StateDictEntry).shape;
    const get = (key: string) => tf.tensor(values.get(key) as Float32Array, shapeOf(key));
    const weights: Record<string, ConvWeights | BatchNormWeights> = {};
    for (const { name, op } of modules) {
      const t = (p: string) => get(`${name}.${p}`) as tf.Tensor1D;
      weights[name] =
        op === 'conv'
          ? { weight: torchConvToTf(get(`${name}.weight`)), bias: t('bias') }
          : { weight: t('weight'), bias: t('bias'), runningMean: t('running_mean'), runningVar: t('running_var') };
    }
    return weights as unknown as tf.TensorContainer;
  }) as unknown as ResidualWeights;
}

/** Every tensor held by a block's weights. */
export function residualTensors(w: ResidualWeights): tf.Tensor[] {
  const convs = [w.conv1, w.conv2, ...(w.conv3 ? [w.conv3] : [])];
  const bns = [w.bn1, w.bn2];
  return [
    ...convs.flatMap((c) => [c.weight, c.bias]),
    ...bns.flatMap((b) => [b.weight, b.bias, b.runningMean, b.runningVar]),
  ];
}

export function disposeResidualWeights(w: ResidualWeights): void {
  tf.dispose(residualTensors(w));
}
