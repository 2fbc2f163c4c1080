import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../model/backend';
import { nodeBackendLoaders } from '../../model/nodeBackends';
import { raceDepth, type RaceFamily } from '../../model/raceNet';
import { decodeRaceData, RACE_DATA_FILE, type RaceData } from './data';
import { runRace, stepOrder } from './race';
import { batchIndices, RACE_RECIPE, type RaceConfig, type StepRecord } from './setup';
import { RaceTrainer, toBatch } from './trainer';

let data: RaceData;
beforeAll(async () => {
  // WASM trains with the filter-gradient kernel of src/model/trainingKernels.ts
  await selectBackend(nodeBackendLoaders, 'wasm');
  data = decodeRaceData(new Uint8Array(readFileSync(`public/${RACE_DATA_FILE}`)));
});

const RECIPE = { seed: 3, learningRate: 0.05, momentum: 0.9 };

async function losses(family: RaceFamily, steps: number, probe = false) {
  const t = new RaceTrainer({ family, n: 1, width: 4 }, RECIPE);
  const { x, y } = toBatch(data.train, batchIndices(4000, 16, 1, 7)[0]!);
  const out: { loss: number; gradNorms?: number[] }[] = [];
  for (let s = 0; s < steps; s++) out.push(await t.step(x, y, probe));
  tf.dispose([x, y]);
  t.dispose();
  return out;
}

describe('training a race network', () => {
  it('lowers the loss of both families on a fixed batch', async () => {
    for (const family of ['plain', 'residual'] as const) {
      const l = (await losses(family, 6)).map((r) => r.loss);
      expect(l.at(-1)!).toBeLessThan(l[0]! * 0.9);
    }
  });

  it('repeats exactly with the same seed', async () => {
    const a = await losses('residual', 3, true);
    const b = await losses('residual', 3, true);
    expect(b).toEqual(a);
  });

  it('probes one gradient norm per main-path layer', async () => {
    const [first] = await losses('plain', 1, true);
    expect(first!.gradNorms).toHaveLength(raceDepth(1));
    for (const g of first!.gradNorms!) expect(g).toBeGreaterThan(0);
    const [none] = await losses('plain', 1, false);
    expect(none!.gradNorms).toBeUndefined();
  });

  it('races every network in turn, evaluates, and leaves no tensor behind but the trained networks', async () => {
    const cfg: RaceConfig = {
      ...RACE_RECIPE,
      ns: [1],
      width: 2,
      steps: 4,
      batch: 8,
      evalEvery: 2,
      gradEvery: 2,
      valImages: 20,
    };
    const before = tf.memory().numTensors;
    const steps: StepRecord[][] = [];
    const trained = await runRace(cfg, data, { onStep: (r) => steps.push(r) });
    expect(trained).toHaveLength(2);
    trained.forEach((t) => t.dispose());
    expect(tf.memory().numTensors).toBe(before);
    expect(steps).toHaveLength(4);
    expect(steps[0]!.map((r) => r.id)).toEqual(['plain-1', 'residual-1']);
    expect(steps[1]!.every((r) => r.valAccuracy !== undefined && r.gradNorms?.length === 8)).toBe(true);
    expect(steps[2]!.every((r) => r.valAccuracy === undefined)).toBe(true);
    // each validation is timed: the device's forward speed, per image, for the landscape's estimate
    expect(steps[1]!.every((r) => r.valMsPerImage! > 0)).toBe(true);
    expect(steps[2]!.every((r) => r.valMsPerImage === undefined)).toBe(true);
    expect(steps[3]!.every((r) => r.seconds > steps[0]!.find((q) => q.id === r.id)!.seconds)).toBe(true);
  });
});

describe('the batch order', () => {
  it('trains every network once a step, each first in turn, so no network pays for going first', () => {
    const orders = [1, 2, 3, 4, 5].map((s) => stepOrder(s, 4));
    for (const o of orders) expect([...o].sort()).toEqual([0, 1, 2, 3]);
    expect(orders.slice(0, 4).map((o) => o[0])).toEqual([0, 1, 2, 3]);
    expect(orders[4]).toEqual(orders[0]);
  });

  it('visits every image once per epoch, the same for the same seed', () => {
    const b = batchIndices(20, 5, 8, 1);
    expect(new Set(b.slice(0, 4).flatMap((x) => [...x])).size).toBe(20);
    expect(batchIndices(20, 5, 8, 1)).toEqual(b);
    expect(batchIndices(20, 5, 8, 2)).not.toEqual(b);
  });
});
