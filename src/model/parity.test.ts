/**
 * Parity with the notebook's PyTorch code: golden fixtures written by training/golden.py from
 * PyTorch running the shipped (dequantized) weights. The error of a tensor is
 * ‖a − b‖ / ‖b‖: at most 1e-4 on intermediate tensors, 1e-3 on logits.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BlockArgs } from './blocks';
import { nchwToNhwc, nhwcToNchw, torchConvToTf } from './layers';
import { ResNet } from './network';
import { loadStateDictFromDir } from './nodeWeights';
import { residualForward, type ResidualWeights } from './residual';
import { grayImageToInput } from './input';
import { readNCHW, traceForward } from './trace';
import { useNodeBackend } from './testBackend';
import { parseGoldenStages, relativeError, type GoldenStagesIndex } from './goldenStages';

/** The notebook's `Residual(input_channels, num_channels, use_1x1conv=False, strides=1)`. */
const Residual = (inputChannels: number, numChannels: number, use1x1conv = false, strides = 1): BlockArgs => ({
  inputChannels,
  numChannels,
  use1x1conv,
  strides,
});

interface Flat {
  shape: number[];
  data: number[];
}
interface GoldenTrace {
  inputSize: number;
  nodes: { path: string; shape: number[]; sampleIndices: number[] }[];
  inputs: {
    name: string;
    label: number | null;
    pixels28?: number[];
    values?: number[];
    trace: { path: string; sum: number; sumSq: number; samples: number[] }[];
    logits: number[];
    predicted: number;
  }[];
}
interface GoldenBlock {
  weights: Record<string, Flat>;
  input: Flat;
  intermediates: Record<string, Flat>;
  output: Flat;
}

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as T;
const WEIGHTS_DIR = fileURLToPath(new URL('../../public/models/resnet18-fmnist', import.meta.url));

const relError = relativeError;

async function shippedNetwork(): Promise<ResNet> {
  const { model, stateDict } = await loadStateDictFromDir(WEIGHTS_DIR);
  const net = ResNet.fromStateDict(stateDict, {
    kind: 'trained',
    url: WEIGHTS_DIR,
    metadata: model.userDefinedMetadata,
  });
  tf.dispose(Object.values(stateDict));
  return net;
}

beforeAll(async () => {
  await useNodeBackend();
});

describe('one Residual(3, 6, use_1x1conv=True, strides=2) against PyTorch', () => {
  it('matches every intermediate tensor to 1e-4', async () => {
    const g = fixture<GoldenBlock>('golden-block.json');
    const t = (k: string) => {
      const f = g.weights[k] as Flat;
      return tf.tensor(f.data, f.shape);
    };
    const conv = (k: string) => ({
      weight: tf.tidy(() => torchConvToTf(t(`${k}.weight`))),
      bias: t(`${k}.bias`) as tf.Tensor1D,
    });
    const bn = (k: string) => ({
      weight: t(`${k}.weight`) as tf.Tensor1D,
      bias: t(`${k}.bias`) as tf.Tensor1D,
      runningMean: t(`${k}.running_mean`) as tf.Tensor1D,
      runningVar: t(`${k}.running_var`) as tf.Tensor1D,
    });
    const w: ResidualWeights = {
      conv1: conv('conv1'),
      bn1: bn('bn1'),
      conv2: conv('conv2'),
      bn2: bn('bn2'),
      conv3: conv('conv3'),
    };
    const got = new Map<string, tf.Tensor>();
    const out = tf.tidy(() => {
      const x = nchwToNhwc(tf.tensor4d(g.input.data, g.input.shape as [number, number, number, number]));
      return residualForward(Residual(3, 6, true, 2), w, x, (name, tensor) =>
        got.set(name, tf.keep(nhwcToNchw(tensor as tf.Tensor4D))),
      );
    });
    for (const [name, expected] of Object.entries(g.intermediates)) {
      const mine = got.get(name);
      expect(mine?.shape, name).toEqual(expected.shape);
      expect(relError(await (mine as tf.Tensor).data(), expected.data), name).toBeLessThanOrEqual(1e-4);
    }
    tf.dispose([out, ...got.values(), ...Object.values(w).flatMap((v) => Object.values(v as object) as tf.Tensor[])]);
  });
});

describe('the shipped ResNet-18 against PyTorch', () => {
  const golden = fixture<GoldenTrace>('golden-trace.json');

  it.each(golden.inputs.map((i) => [i.name, i] as const))('%s: every node and the logits match', async (_name, inp) => {
    const net = await shippedNetwork();
    const size = golden.inputSize;
    const x = inp.pixels28
      ? grayImageToInput(
          Float32Array.from(inp.pixels28, (v) => v / 255),
          28,
          28,
          size,
        )
      : tf.tensor4d(inp.values as number[], [1, 1, size, size]);
    const trace = traceForward(net, x);
    for (const [i, node] of golden.nodes.entries()) {
      const expected = inp.trace[i] as GoldenTrace['inputs'][number]['trace'][number];
      const traced = trace.get(node.path);
      expect(traced.shape, node.path).toEqual(node.shape);
      const mine = (await readNCHW(traced.tensor)).data;
      const sampled = node.sampleIndices.map((j) => mine[j] as number);
      expect(relError(sampled, expected.samples), `${node.path} samples`).toBeLessThanOrEqual(1e-4);
      let sumSq = 0;
      for (const v of mine) sumSq += v * v;
      // ‖a‖ vs ‖b‖ over the whole tensor (a necessary condition of ‖a − b‖/‖b‖ ≤ 1e-4)
      expect(
        Math.abs(Math.sqrt(sumSq) - Math.sqrt(expected.sumSq)) / Math.sqrt(expected.sumSq || 1),
        `${node.path} norm`,
      ).toBeLessThanOrEqual(1e-4);
    }
    const logits = await trace.logits.data();
    expect(relError(logits, inp.logits)).toBeLessThanOrEqual(1e-3);
    expect(logits.indexOf(Math.max(...logits))).toBe(inp.predicted);
    trace.dispose();
    x.dispose();
    net.dispose();
  });
});

describe('whole stage outputs of the shipped ResNet-18 against PyTorch', () => {
  const index = fixture<GoldenStagesIndex>('golden-stages.json');
  const golden = parseGoldenStages(index, readFileSync(new URL(`./__fixtures__/${index.file}`, import.meta.url)));

  it.each(golden.map((g) => [g.name, g] as const))('%s: b1 … b5, pooling and logits', async (_name, g) => {
    const net = await shippedNetwork();
    const [input, ...stages] = g.stages;
    const x = tf.tensor4d(input!.data, input!.shape as [number, number, number, number]);
    const before = tf.memory().numTensors;
    const trace = traceForward(net, x);
    for (const stage of stages) {
      const mine = await readNCHW(trace.get(stage.node).tensor);
      expect(mine.shape, stage.name).toEqual(stage.shape);
      const limit = stage.name === 'linear' ? 1e-3 : 1e-4;
      expect(relError(mine.data, stage.data), stage.name).toBeLessThanOrEqual(limit);
    }
    trace.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    net.dispose();
  });
});
