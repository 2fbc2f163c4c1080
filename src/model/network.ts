/**
 * The seed's ResNet-18 on tfjs: b1 … b5, adaptive average pooling, flatten, linear.
 * `forward` gives logits; `traceForward` (trace.ts) records every operation.
 */
import * as tf from '@tensorflow/tfjs-core';
import { B1, STAGES, STATE_DICT_PREFIX, blockLayerKey, stateDictShapes, type ResidualConfig } from './architecture';
import {
  batchNorm,
  conv2d,
  flatten,
  globalAvgPool,
  linear,
  maxPool,
  nchwToNhwc,
  relu,
  torchConvToTf,
  torchLinearToTf,
  type BatchNormWeights,
  type ConvWeights,
} from './layers';
import { residualPlan, runPlan, type PlannedOp, type ResidualWeights } from './residual';
import type { WeightsSource } from './types';
import { mulberry32, symmetricUniform } from './random';

/** Weights keyed by the seed's `state_dict` names, in PyTorch layout. */
export type StateDict = Record<string, tf.Tensor>;

/** A readable problem with a set of weights. */
export class WeightsError extends Error {
  override name = 'WeightsError';
}

/** Called with each traced output (NHWC or (N, F)) and its path, e.g. `b3.0.conv3`. */
export type PathRecorder = (path: string, tensor: tf.Tensor) => void;

interface Stage {
  readonly name: string;
  readonly blocks: { readonly cfg: ResidualConfig; readonly weights: ResidualWeights }[];
}

/** ResNet-18 with its weights held as tfjs tensors. Call `dispose()` when done. */
export class ResNet18 {
  private constructor(
    private readonly b1conv: ConvWeights,
    private readonly b1bn: BatchNormWeights,
    private readonly stages: Stage[],
    private readonly fcWeight: tf.Tensor2D,
    private readonly fcBias: tf.Tensor1D,
    /** Where the weights came from (trained file or seeded random init). */
    readonly source: WeightsSource,
  ) {}

  /**
   * Build the network from a PyTorch-style state_dict. Checks every key and shape;
   * the given tensors stay owned by the caller.
   */
  static fromStateDict(dict: StateDict, source: WeightsSource): ResNet18 {
    const problems: string[] = [];
    for (const [key, shape] of stateDictShapes()) {
      const t = dict[key];
      if (!t) problems.push(`missing "${key}"`);
      else if (!tf.util.arraysEqual(t.shape, shape)) {
        problems.push(`"${key}" has shape [${t.shape.join(', ')}], expected [${shape.join(', ')}]`);
      }
    }
    if (problems.length > 0) {
      const shown = problems.slice(0, 5).join('; ');
      const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
      throw new WeightsError(`These weights do not fit the seed's ResNet-18: ${shown}${more}`);
    }
    {
      const get = (k: string) => dict[k] as tf.Tensor;
      const convW = (k: string): ConvWeights => ({
        weight: tf.tidy(() => torchConvToTf(get(`${k}.weight`))),
        bias: tf.clone(get(`${k}.bias`)) as tf.Tensor1D,
      });
      const bnW = (k: string): BatchNormWeights => ({
        weight: tf.clone(get(`${k}.weight`)) as tf.Tensor1D,
        bias: tf.clone(get(`${k}.bias`)) as tf.Tensor1D,
        runningMean: tf.clone(get(`${k}.running_mean`)) as tf.Tensor1D,
        runningVar: tf.clone(get(`${k}.running_var`)) as tf.Tensor1D,
      });
      const stages: Stage[] = STAGES.map((s) => ({
        name: s.name,
        blocks: s.blocks.map((cfg, i) => {
          const k = (layer: string) => blockLayerKey(s.name, i, layer);
          const base = { conv1: convW(k('conv1')), bn1: bnW(k('bn1')), conv2: convW(k('conv2')), bn2: bnW(k('bn2')) };
          return { cfg, weights: cfg.use1x1conv ? { ...base, conv3: convW(k('conv3')) } : base };
        }),
      }));
      const fc = STATE_DICT_PREFIX['linear'] as string;
      return new ResNet18(
        convW(STATE_DICT_PREFIX['b1.conv'] as string),
        bnW(STATE_DICT_PREFIX['b1.bn'] as string),
        stages,
        tf.tidy(() => torchLinearToTf(get(`${fc}.weight`))),
        tf.clone(get(`${fc}.bias`)) as tf.Tensor1D,
        source,
      );
    }
  }

  /** A freshly initialised network (PyTorch's default init), reproducible from `seed`. */
  static random(seed: number, reason?: string): ResNet18 {
    const dict = randomStateDict(seed);
    try {
      return ResNet18.fromStateDict(dict, reason ? { kind: 'random', seed, reason } : { kind: 'random', seed });
    } finally {
      tf.dispose(Object.values(dict));
    }
  }

  /**
   * The forward pass as a list of operations in execution order, from the NHWC input
   * (path `input`) to the logits (path `linear`); paths as in `resnet18Nodes`.
   */
  plan(): PlannedOp[] {
    const t4 = (t: tf.Tensor) => t as tf.Tensor4D;
    const ops: PlannedOp[] = [
      {
        path: 'b1.conv',
        inputs: ['input'],
        layer: { kind: 'conv', weights: this.b1conv, stride: B1.conv.stride, padding: B1.conv.padding },
        compute: (x) => conv2d(t4(x), this.b1conv, B1.conv.stride, B1.conv.padding),
      },
      {
        path: 'b1.bn',
        inputs: ['b1.conv'],
        layer: { kind: 'batchnorm', weights: this.b1bn },
        compute: (x) => batchNorm(t4(x), this.b1bn),
      },
      { path: 'b1.relu', inputs: ['b1.bn'], layer: { kind: 'relu' }, compute: (x) => relu(x) },
      {
        path: 'b1.maxpool',
        inputs: ['b1.relu'],
        layer: { kind: 'maxpool', ...B1.pool },
        compute: (x) => maxPool(t4(x), B1.pool.kernel, B1.pool.stride, B1.pool.padding),
      },
    ];
    let last = 'b1.maxpool';
    for (const stage of this.stages) {
      stage.blocks.forEach(({ cfg, weights }, i) => {
        ops.push(...residualPlan(cfg, weights, `${stage.name}.${i}.`, last));
        last = `${stage.name}.${i}.relu2`;
      });
    }
    ops.push(
      { path: 'pool', inputs: [last], layer: { kind: 'avgpool' }, compute: (x) => globalAvgPool(t4(x)) },
      { path: 'flatten', inputs: ['pool'], layer: { kind: 'flatten' }, compute: (x) => flatten(t4(x)) },
      {
        path: 'linear',
        inputs: ['flatten'],
        layer: { kind: 'linear', weight: this.fcWeight, bias: this.fcBias },
        compute: (x) => linear(x as tf.Tensor2D, this.fcWeight, this.fcBias),
      },
    );
    return ops;
  }

  /**
   * Run the network on an (N, 1, H, W) input. `record` sees every operation's output
   * by path. Must be called inside `tf.tidy` (or dispose what it returns and records).
   */
  run(xNCHW: tf.Tensor4D, record?: PathRecorder): tf.Tensor2D {
    const input = nchwToNhwc(xNCHW);
    record?.('input', input);
    const values = runPlan(this.plan(), new Map([['input', input]]), record);
    return values.get('linear') as tf.Tensor2D;
  }

  /** Logits for an (N, 1, H, W) input. The caller owns the returned tensor. */
  forward(xNCHW: tf.Tensor4D): tf.Tensor2D {
    return tf.tidy(() => this.run(xNCHW));
  }

  /** Every tensor the network holds. */
  tensors(): tf.Tensor[] {
    const conv = (c: ConvWeights) => [c.weight, c.bias];
    const bn = (b: BatchNormWeights) => [b.weight, b.bias, b.runningMean, b.runningVar];
    const out = [...conv(this.b1conv), ...bn(this.b1bn), this.fcWeight, this.fcBias];
    for (const s of this.stages) {
      for (const { weights: w } of s.blocks) {
        out.push(...conv(w.conv1), ...bn(w.bn1), ...conv(w.conv2), ...bn(w.bn2), ...(w.conv3 ? conv(w.conv3) : []));
      }
    }
    return out;
  }

  dispose(): void {
    tf.dispose(this.tensors());
  }
}

/**
 * A state_dict with PyTorch's default initialisation (conv and linear: U(±1/√fan_in);
 * BatchNorm: γ = 1, β = 0, mean 0, variance 1), reproducible from a seed.
 */
export function randomStateDict(seed: number): StateDict {
  const next = mulberry32(seed);
  const dict: StateDict = {};
  for (const [key, shape] of stateDictShapes()) {
    const size = shape.reduce((a, b) => a * b, 1);
    let values: Float32Array;
    if (key.endsWith('running_var') || (isBatchNormKey(key) && key.endsWith('.weight'))) {
      values = new Float32Array(size).fill(1);
    } else if (isBatchNormKey(key)) {
      values = new Float32Array(size);
    } else {
      // fan_in of the layer this bias or weight belongs to
      const weightShape = stateDictShapes().find(([k]) => k === key.replace(/\.bias$/, '.weight'))?.[1] ?? shape;
      const fanIn = weightShape.slice(1).reduce((a, b) => a * b, 1);
      values = symmetricUniform(size, 1 / Math.sqrt(fanIn), next);
    }
    dict[key] = tf.tensor(values, shape);
  }
  return dict;
}

function isBatchNormKey(key: string): boolean {
  return key.startsWith('0.1.') || /\.bn\d\./.test(key);
}
