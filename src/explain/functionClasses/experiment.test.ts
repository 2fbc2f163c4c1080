import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../model/testBackend';
import {
  DEFAULT_EXPERIMENT,
  ExperimentCancelled,
  lossOf,
  makeDataset,
  predict,
  runExperiment,
  target,
  train,
  type ExperimentConfig,
} from './experiment';
import {
  appendLayer,
  cloneMlp,
  createMlp,
  disposeLayers,
  disposeMlp,
  mlpDepth,
  mlpParameterCount,
  parameterCount,
} from './mlp';

beforeAll(async () => {
  await useNodeBackend();
});

const SMALL: ExperimentConfig = {
  ...DEFAULT_EXPERIMENT,
  depths: [1, 2, 4],
  width: 8,
  steps: 40,
  learningRate: 0.01,
  points: 32,
  constructionDepth: 2,
  extraSteps: 10,
  chunk: 10,
};

function data(n: number) {
  const { xs, ys } = makeDataset(n);
  return { x: tf.tensor2d(xs, [n, 1]), y: tf.tensor2d(ys, [n, 1]) };
}

describe('the networks', () => {
  it('counts the weights of each family, and is the same network at depth 1', async () => {
    const d = data(16);
    const plain = createMlp('plain', 3, 8, 1);
    const res = createMlp('residual', 3, 8, 1);
    // first 1→8 and last 8→1 layers, then 2 added layers of one (plain) or two (residual) 8×8 dense layers.
    expect(mlpParameterCount(plain)).toBe(16 + 9 + 2 * 72);
    expect(mlpParameterCount(res)).toBe(16 + 9 + 2 * 2 * 72);
    expect(parameterCount('plain', 3, 8)).toBe(mlpParameterCount(plain));
    expect(parameterCount('residual', 3, 8)).toBe(mlpParameterCount(res));
    const p1 = createMlp('plain', 1, 8, 1);
    const r1 = createMlp('residual', 1, 8, 1);
    expect(await predict(p1, d.x)).toEqual(await predict(r1, d.x));
    [plain, res, p1, r1].forEach(disposeMlp);
    d.x.dispose();
    d.y.dispose();
  });

  it('starts a residual network as its first layer followed by identities', async () => {
    const d = data(16);
    const deep = createMlp('residual', 6, 8, 3);
    const shallow = createMlp('residual', 1, 8, 3);
    expect(await predict(deep, d.x)).toEqual(await predict(shallow, d.x));
    [deep, shallow].forEach(disposeMlp);
    d.x.dispose();
    d.y.dispose();
  });

  it('appending a zero residual block to a trained network leaves every output identical', async () => {
    const d = data(32);
    const net = createMlp('residual', 3, 8, 5);
    await train(net, d, 30, { learningRate: 0.01, chunk: 30 }, async () => {});
    expect(Math.max(...net.added[0]!.out!.w.dataSync().map(Math.abs))).toBeGreaterThan(0); // the branches learned something
    const before = await predict(net, d.x);
    const deeper = appendLayer(net, 'residualZero');
    expect(mlpDepth(deeper)).toBe(4);
    const after = await predict(deeper, d.x);
    const maxAbs = Math.max(...after.map((v, i) => Math.abs(v - before[i]!)));
    expect(maxAbs).toBe(0);
    expect(await lossOf(deeper, d)).toBe(await lossOf(net, d));
    disposeLayers(deeper.added.at(-1)!);
    disposeMlp(net);
    d.x.dispose();
    d.y.dispose();
  });

  it('appending a zero plain layer makes the network output only its last bias, and the loss worse', async () => {
    const d = data(32);
    const net = createMlp('plain', 3, 8, 5);
    await train(net, d, 30, { learningRate: 0.01, chunk: 30 }, async () => {});
    const deeper = appendLayer(net, 'plainZero');
    const after = await predict(deeper, d.x);
    const bias = net.last.b.dataSync()[0]!;
    expect(after.every((v) => v === bias)).toBe(true);
    expect(await lossOf(deeper, d)).toBeGreaterThan(await lossOf(net, d));
    disposeLayers(deeper.added.at(-1)!);
    disposeMlp(net);
    d.x.dispose();
    d.y.dispose();
  });

  it('appending a plain layer set to the identity (W = I, b = 0) leaves every output unchanged', async () => {
    const d = data(32);
    const net = createMlp('plain', 3, 8, 5);
    await train(net, d, 30, { learningRate: 0.01, chunk: 30 }, async () => {});
    const before = await predict(net, d.x);
    const deeper = appendLayer(net, 'plainIdentity');
    expect(mlpDepth(deeper)).toBe(4);
    const after = await predict(deeper, d.x);
    expect(Math.max(...after.map((v, i) => Math.abs(v - before[i]!)))).toBeLessThan(1e-6);
    expect(await lossOf(deeper, d)).toBeCloseTo(await lossOf(net, d), 6);
    disposeLayers(deeper.added.at(-1)!);
    disposeMlp(net);
    d.x.dispose();
    d.y.dispose();
  });

  it('appending a randomly started plain layer moves the outputs far', async () => {
    const d = data(32);
    const net = createMlp('plain', 3, 8, 5);
    await train(net, d, 30, { learningRate: 0.01, chunk: 30 }, async () => {});
    const before = await predict(net, d.x);
    const deeper = appendLayer(net, 'plainRandom', 1);
    const after = await predict(deeper, d.x);
    expect(Math.max(...after.map((v, i) => Math.abs(v - before[i]!)))).toBeGreaterThan(0.1);
    disposeLayers(deeper.added.at(-1)!);
    disposeMlp(net);
    d.x.dispose();
    d.y.dispose();
  });

  it('puts each appended layer only on its own family', () => {
    const net = createMlp('plain', 2, 8, 5);
    expect(() => appendLayer(net, 'residualZero')).toThrow(/residual network, not a plain one/);
    disposeMlp(net);
  });

  it('a copy trains on its own: the original network keeps its outputs', async () => {
    const d = data(16);
    for (const family of ['plain', 'residual'] as const) {
      const net = createMlp(family, 3, 8, 2);
      await train(net, d, 10, { learningRate: 0.01, chunk: 10 }, async () => {});
      const before = await predict(net, d.x);
      const copy = cloneMlp(net);
      expect(await predict(copy, d.x)).toEqual(before);
      await train(copy, d, 10, { learningRate: 0.01, chunk: 10 }, async () => {});
      expect(await predict(copy, d.x)).not.toEqual(before);
      expect(await predict(net, d.x)).toEqual(before);
      [net, copy].forEach(disposeMlp);
    }
    d.x.dispose();
    d.y.dispose();
  });

  it('refuses a depth below 1', () => {
    expect(() => createMlp('plain', 0, 8, 1)).toThrow(RangeError);
  });
});

describe('the experiment', () => {
  it('returns one loss per depth and family, measures the construction, and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const r = await runExperiment(SMALL, {
      onProgress: (p) => seen.push(p.done / p.total),
      yieldToPage: () => Promise.resolve(),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.sweep.map((p) => `${p.family}${p.depth}`)).toEqual([
      'plain1',
      'plain2',
      'plain4',
      'residual1',
      'residual2',
      'residual4',
    ]);
    for (const p of r.sweep) {
      expect(Number.isFinite(p.loss)).toBe(true);
      expect(p.loss).toBeLessThan(p.initialLoss); // training did something
    }
    // Depth 1 is the same network in both families.
    expect(r.sweep[0]!.loss).toBe(r.sweep[3]!.loss);
    expect(r.construction.map((c) => `${c.family} ${c.layer}`)).toEqual([
      'residual residualZero',
      'plain plainZero',
      'plain plainIdentity',
      'plain plainRandom',
    ]);
    const [residual, zero, identity, random] = r.construction;
    expect(residual).toMatchObject({ depth: 2, maxAbsChange: 0 });
    expect(residual!.lossAfterAppend).toBe(residual!.lossBefore);
    expect(zero!.maxAbsChange).toBeGreaterThan(0);
    expect(zero!.lossAfterAppend).toBeGreaterThan(zero!.lossBefore);
    expect(identity!.maxAbsChange).toBeLessThan(1e-6);
    expect(identity!.lossAfterAppend).toBeCloseTo(identity!.lossBefore, 6);
    expect(random!.maxAbsChange).toBeGreaterThan(0);
    // Every plain construction starts from the same trained network, untouched by the others.
    expect(new Set([zero, identity, random].map((c) => c!.lossBefore)).size).toBe(1);
    for (const c of r.construction) expect(c.extraSteps).toBe(SMALL.extraSteps);
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(r.fit.predictions.plain).toHaveLength(SMALL.points);
    expect(r.backend).toMatch(/wasm|cpu/);
  });

  it('repeats exactly with the same seed', async () => {
    const a = await runExperiment({ ...SMALL, depths: [2], constructionDepth: 2 });
    const b = await runExperiment({ ...SMALL, depths: [2], constructionDepth: 2 });
    expect(a.sweep).toEqual(b.sweep);
  });

  it('stops when cancelled, freeing its tensors', async () => {
    const before = tf.memory().numTensors;
    let chunks = 0;
    await expect(runExperiment(SMALL, { cancelled: () => ++chunks > 3 })).rejects.toBeInstanceOf(ExperimentCancelled);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a construction depth that is not swept', async () => {
    await expect(runExperiment({ ...SMALL, constructionDepth: 3 })).rejects.toThrow(/constructionDepth 3/);
  });

  it('fits sin(3x) + 0.3x² on [−2, 2]', () => {
    const { xs, ys } = makeDataset(5);
    expect([...xs]).toEqual([-2, -1, 0, 1, 2]);
    expect(ys[4]).toBeCloseTo(target(2), 6);
  });
});
