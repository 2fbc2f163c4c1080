/**
 * A ResNet on tfjs, any variant of the table in `variants.ts` (the notebook's ResNet-18 by
 * default): b1 … b5, the head, its weights held as tfjs tensors. `forward` gives logits;
 * `traceForward` (trace.ts) records every operation.
 */
import * as tf from '@tensorflow/tfjs-core';
import { networkLayers, stateDictEntries, stateDictShapes } from './architecture';
import { initialValues } from './init';
import { nchwToNhwc, torchConvToTf, torchLinearToTf, type BatchNormWeights, type ConvWeights } from './layers';
import { plannedOp, type LinearWeights } from './plan';
import { runPlan, type PlannedOp } from './planRunner';
import type { WeightsSource } from './types';
import { RESNET18, type ArchSpec } from './variants';

/** Weights keyed by the notebook's `state_dict` names, in PyTorch layout. */
export type StateDict = Record<string, tf.Tensor>;

/** A readable problem with a set of weights. */
export class WeightsError extends Error {
  override name = 'WeightsError';
}

/** Called with each traced output (NHWC or (N, F)) and its path, e.g. `b3.0.conv3`. */
export type PathRecorder = (path: string, tensor: tf.Tensor) => void;

type LayerWeights = ConvWeights | BatchNormWeights | LinearWeights;

/**
 * Every problem a state_dict has for a variant, as the CLI and the page name them:
 * missing keys, wrong shapes, keys the variant does not have.
 */
export function stateDictProblems(shapes: Readonly<Record<string, readonly number[]>>, arch: ArchSpec): string[] {
  const problems: string[] = [];
  const expected = stateDictShapes(arch);
  for (const [key, shape] of expected) {
    const got = shapes[key];
    if (!got) problems.push(`missing "${key}"`);
    else if (!tf.util.arraysEqual([...got], shape)) {
      problems.push(`"${key}" has shape [${got.join(', ')}], expected [${shape.join(', ')}]`);
    }
  }
  const known = new Set(expected.map(([k]) => k));
  for (const key of Object.keys(shapes)) {
    if (!known.has(key) && !key.endsWith('num_batches_tracked')) problems.push(`unexpected "${key}"`);
  }
  return problems;
}

/** One sentence for a list of problems: the first five, and how many more. */
export function describeProblems(problems: readonly string[], arch: ArchSpec): string {
  const shown = problems.slice(0, 5).join('; ');
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  return `These weights do not fit the notebook's ${arch.name}: ${shown}${more}`;
}

/** A ResNet with its weights held as tfjs tensors. Call `dispose()` when done. */
export class ResNet {
  private constructor(
    /** Which variant this is. */
    readonly arch: ArchSpec,
    /** Weights by `state_dict` prefix (`0.0`, `2.0.conv3`, `7`), in tfjs layout. */
    private readonly weights: ReadonlyMap<string, LayerWeights>,
    /** Where the weights came from (trained file, your files, or seeded random init). */
    readonly source: WeightsSource,
  ) {}

  /**
   * Build the network from a PyTorch-style state_dict. Checks every key and shape;
   * the given tensors stay owned by the caller.
   */
  static fromStateDict(dict: StateDict, source: WeightsSource, arch: ArchSpec = RESNET18): ResNet {
    const shapes = Object.fromEntries(Object.entries(dict).map(([k, t]) => [k, t.shape]));
    const problems = stateDictProblems(shapes, arch);
    if (problems.length > 0) throw new WeightsError(describeProblems(problems, arch));
    const get = (k: string) => dict[k] as tf.Tensor;
    const clone1 = (k: string) => tf.clone(get(k)) as tf.Tensor1D;
    const weights = new Map<string, LayerWeights>();
    for (const l of networkLayers(arch)) {
      const k = l.key;
      if (k === undefined) continue;
      if (l.op === 'conv') {
        weights.set(k, { weight: tf.tidy(() => torchConvToTf(get(`${k}.weight`))), bias: clone1(`${k}.bias`) });
      } else if (l.op === 'batchnorm') {
        weights.set(k, {
          weight: clone1(`${k}.weight`),
          bias: clone1(`${k}.bias`),
          runningMean: clone1(`${k}.running_mean`),
          runningVar: clone1(`${k}.running_var`),
        });
      } else if (l.op === 'linear') {
        weights.set(k, { weight: tf.tidy(() => torchLinearToTf(get(`${k}.weight`))), bias: clone1(`${k}.bias`) });
      }
    }
    return new ResNet(arch, weights, source);
  }

  /** A freshly initialised network (PyTorch's default init), reproducible from `seed`. */
  static random(
    seed: number,
    reason?: string,
    arch: ArchSpec = RESNET18,
    /** `initialValues(stateDictEntries(arch), seed)`, when the caller already has them. */
    values?: ReadonlyMap<string, Float32Array>,
  ): ResNet {
    const dict = randomStateDict(seed, arch, values);
    try {
      const source: WeightsSource = reason ? { kind: 'random', seed, reason } : { kind: 'random', seed };
      return ResNet.fromStateDict(dict, source, arch);
    } finally {
      tf.dispose(Object.values(dict));
    }
  }

  /**
   * The forward pass as a list of operations in execution order, from the NHWC input
   * (path `input`) to the logits (path `linear`); paths as in `archNodes`.
   */
  plan(): PlannedOp[] {
    const weightsOf = (key: string) => {
      const w = this.weights.get(key);
      if (!w) throw new Error(`No weights for "${key}"`);
      return w;
    };
    return networkLayers(this.arch).map((l) => plannedOp(l, weightsOf));
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
    return [...this.weights.values()].flatMap((w) => Object.values(w) as tf.Tensor[]);
  }

  dispose(): void {
    tf.dispose(this.tensors());
  }
}

/**
 * A state_dict with PyTorch's default initialisation (see `init.ts`), reproducible from a seed.
 */
export function randomStateDict(
  seed: number,
  arch: ArchSpec = RESNET18,
  values: ReadonlyMap<string, Float32Array> = initialValues(stateDictEntries(arch), seed),
): StateDict {
  return Object.fromEntries(
    stateDictEntries(arch).map((e) => [e.key, tf.tensor(values.get(e.key) as Float32Array, e.shape)]),
  );
}
