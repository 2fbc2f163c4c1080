/**
 * The race's training held to PyTorch in Node: every fixture network of
 * public/race/pytorch-check/ (training/grad_fixtures.py) trained with RaceTrainer on each
 * Node backend, loss, gradients, probed layer norms and the parameters after three steps
 * within ‖a − b‖ ≤ 1e-4·‖b‖ + 1e-6·G per tensor.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../model/backend';
import { nodeBackendLoaders } from '../../model/nodeBackends';
import type { BackendName } from '../../model/types';
import { decodeRaceData, RACE_DATA_FILE, type RaceData } from './data';
import { checkNetwork, GRAD_CHECK_DIR, GRAD_CHECK_INDEX, sketch, type FixtureIndex } from './gradCheck';
import { CPU_RACE, GPU_RACE } from './setup';

const index = JSON.parse(readFileSync(`public/${GRAD_CHECK_INDEX}`, 'utf8')) as FixtureIndex;
let data: RaceData;
beforeAll(() => {
  data = decodeRaceData(new Uint8Array(readFileSync(`public/${RACE_DATA_FILE}`)));
});

/** The networks this file checks. */
const SHALLOW = ['plain-1-w4', 'residual-1-w4'];

async function expectHeldToPyTorch(backend: BackendName, id: string, raceData: () => RaceData) {
  await selectBackend({ [backend]: nodeBackendLoaders[backend] }, backend);
  expect(tf.getBackend()).toBe(backend);
  const net = index.networks.find((n) => n.id === id)!;
  const bytes = new Uint8Array(readFileSync(`public/${GRAD_CHECK_DIR}${net.file}`));
  const before = tf.memory().numTensors;
  const check = await checkNetwork(index, net, bytes, raceData().train);
  expect(tf.memory().numTensors).toBe(before);
  const failed = check.comparisons.filter((c) => !c.passed).map((c) => `${c.kind} ${c.name ?? ''}: ${c.relative}`);
  expect(failed).toEqual([]);
  // loss, batches, 6n + 2 layer norms, every gradient, every parameter and statistic after the steps
  const params = net.parameters.length;
  expect(check.comparisons).toHaveLength(2 + net.layerGradientNorms.length + 2 * params + net.statistics.length);
  return check;
}

describe('the fixtures', () => {
  it('follow the race recipe', () => {
    for (const budget of [GPU_RACE, CPU_RACE]) {
      expect(index.recipe.learningRate).toBe(budget.learningRate);
      expect(index.recipe.momentum).toBe(budget.momentum);
    }
    expect(index.networks.map((n) => n.id)).toEqual(expect.arrayContaining(SHALLOW));
  });

  it('sketch a vector linearly, keeping its norm within a few per cent', () => {
    const v = Array.from({ length: 5000 }, (_, i) => Math.sin(i * 1.7) + (i % 7) / 7);
    const w = v.map((x) => 2 * x);
    const sv = sketch(v, 256);
    const sw = sketch(w, 256);
    sv.forEach((s, k) => expect(sw[k]).toBeCloseTo(2 * s, 9));
    const norm = (a: ArrayLike<number>) => Math.hypot(...Array.from(a));
    expect(norm(sv) / norm(v)).toBeGreaterThan(0.85);
    expect(norm(sv) / norm(v)).toBeLessThan(1.15);
  });
});

for (const backend of ['cpu'] as const)
  describe(`on ${backend}`, () => {
    for (const id of SHALLOW)
      it(`${id}: loss, gradients, layer norms and 3 steps match PyTorch`, async () => {
        const check = await expectHeldToPyTorch(backend, id, () => data);
        console.log(
          `${backend} ${id}: worst ${check.worst.kind} ${check.worst.name ?? ''} ${check.worst.relative.toExponential(2)}, ${check.seconds.toFixed(1)} s`,
        );
      });
  });
