/**
 * The landscape computed in Node (WASM) on a tiny trained race, as the race worker does: the
 * result's shape, the centre equal to the trained network's own loss, tensors flat during and
 * after the computation, a cancel that ends it between points.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeBackendLoaders } from '../../model/nodeBackends';
import { raceForward } from '../../model/raceNet';
import type { RaceMessage } from '../../workers/raceMessages';
import { decodeRaceData, RACE_DATA_FILE } from '../race/data';
import { RaceRuntime } from '../race/runtime';
import { RACE_RECIPE, type RaceConfig } from '../race/setup';
import { toBatch } from '../race/trainer';
import { centreLoss } from './grid';
import { runLandscapeJob } from './job';

const data = decodeRaceData(new Uint8Array(readFileSync(`public/${RACE_DATA_FILE}`)));
const TINY: RaceConfig = { ...RACE_RECIPE, ns: [1], width: 2, steps: 5, batch: 8, valImages: 10, evalEvery: 5 };

async function trainedRuntime() {
  const r = new RaceRuntime(
    data,
    { wasm: nodeBackendLoaders.wasm! },
    { spec: { family: 'residual', n: 1, width: 2 }, batch: 4 },
  );
  await r.probe('wasm');
  expect(await r.race(TINY, () => undefined)).toBe('done');
  return r;
}

describe('a landscape job in the race worker', () => {
  it('computes every network’s surface, its centre the trained loss, with the tensor count flat throughout', async () => {
    const r = await trainedRuntime();
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    const messages: RaceMessage[] = [];
    await runLandscapeJob(
      r.trainedNetworks(),
      { type: 'landscape', job: 1, size: 5, images: 32 },
      (m) => {
        messages.push(m);
        // after each point: the evaluator's copies are the same number every time
        if (m.type === 'landscape-progress') counts.push(tf.memory().numTensors);
      },
      () => false,
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(new Set(counts.slice(0, 25)).size).toBe(1);
    expect(new Set(counts.slice(25)).size).toBe(1);
    const done = messages.at(-1)!;
    if (done.type !== 'landscape-done' || done.result === 'cancelled') throw new Error(`ended with ${done.type}`);
    expect(done.result.runs.map((run) => [run.id, run.depth, run.loss.length])).toEqual([
      ['plain-1', 8, 25],
      ['residual-1', 8, 25],
    ]);
    expect(messages.filter((m) => m.type === 'landscape-progress')).toHaveLength(50);
    // the centre is the trained network itself, on running statistics
    const { x, y } = toBatch(
      data.train,
      Array.from({ length: 32 }, (_, i) => i),
    );
    const own = tf.tidy(() => tf.losses.softmaxCrossEntropy(y, raceForward(r.trainedNetworks()!.nets[0]!.net, x)));
    expect(centreLoss(done.result.runs[0]!)).toBeCloseTo((await own.data())[0]!, 5);
    tf.dispose([x, y, own]);
    await r.stop();
  }, 120_000);

  it('ends between points when cancelled, freeing its tensors; says so without trained networks', async () => {
    const r = await trainedRuntime();
    const before = tf.memory().numTensors;
    const messages: RaceMessage[] = [];
    let points = 0;
    await runLandscapeJob(
      r.trainedNetworks(),
      { type: 'landscape', job: 2, size: 7, images: 16 },
      (m) => {
        messages.push(m);
        if (m.type === 'landscape-progress') points++;
      },
      () => points >= 3,
    );
    expect(points).toBe(3);
    expect(messages.at(-1)).toEqual({ type: 'landscape-done', job: 2, result: 'cancelled' });
    expect(tf.memory().numTensors).toBe(before);
    await r.stop();
    const none: RaceMessage[] = [];
    await runLandscapeJob(
      r.trainedNetworks(),
      { type: 'landscape', job: 3, size: 7, images: 16 },
      (m) => none.push(m),
      () => false,
    );
    expect(none).toMatchObject([{ type: 'landscape-error', job: 3 }]);
  }, 120_000);
});
