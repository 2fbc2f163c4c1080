import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeBackendLoaders } from '../../model/nodeBackends';
import { decodeRaceData, RACE_DATA_FILE } from './data';
import { RACE_RECIPE, type RaceConfig, type StepRecord } from './setup';
import { RaceRuntime } from './runtime';

const data = decodeRaceData(new Uint8Array(readFileSync(`public/${RACE_DATA_FILE}`)));
const TINY: RaceConfig = { ...RACE_RECIPE, ns: [1], width: 2, steps: 3, batch: 4, valImages: 10, evalEvery: 3 };
// a small probe network: the machine running the tests may be busy
const PROBE = { spec: { family: 'residual', n: 1, width: 2 }, batch: 8 } as const;
const runtime = (loaders: ConstructorParameters<typeof RaceRuntime>[1]) => new RaceRuntime(data, loaders, PROBE);

describe('a race worker’s runtime', () => {
  it('times the probe network at two batch sizes on the one backend asked for (WASM: src/model/trainingKernels.ts)', async () => {
    const r = runtime({ wasm: nodeBackendLoaders.wasm! });
    await r.probe('wasm');
    const before = tf.memory().numTensors;
    const speed = await r.probe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(speed.msPerStep).toBeGreaterThan(0);
    expect(speed.fixedMs).toBeGreaterThanOrEqual(0);
    expect(speed.perImageMs).toBeGreaterThanOrEqual(0);
    expect(speed.fixedMs + speed.perImageMs).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
    await expect(r.probe('webgpu')).rejects.toMatchObject({ failure: 'unavailable' });
  });

  it('says a backend that cannot start is unavailable, without falling back', async () => {
    const r = runtime({
      webgl: () => Promise.reject(new Error('the backend could not start (no adapter or context)')),
    });
    await expect(r.probe('webgl')).rejects.toMatchObject({ failure: 'unavailable' });
  });

  it('keeps the trained networks until the next race or stop, then frees every tensor', async () => {
    const r = runtime({ wasm: nodeBackendLoaders.wasm! });
    await r.probe('wasm');
    const before = tf.memory().numTensors;
    const steps: StepRecord[][] = [];
    expect(await r.race(TINY, (s) => steps.push(s))).toBe('done');
    expect(steps).toHaveLength(3);
    const nets = await r.weights();
    expect(nets.map((n) => n.id)).toEqual(['plain-1', 'residual-1']);
    expect(nets[0]!.tensors[0]).toMatchObject({ shape: [3, 3, 1, 2] });
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    await r.stop();
    expect(tf.memory().numTensors).toBe(before);
    expect(await r.weights()).toEqual([]);
  });

  it('removes one shape-keeping block at a time from the trained networks with n ≥ 3, keeping no tensor', async () => {
    const r = runtime({ wasm: nodeBackendLoaders.wasm! });
    await r.probe('wasm');
    expect(await r.race({ ...TINY, ns: [1, 3] }, () => undefined)).toBe('done');
    const before = tf.memory().numTensors;
    const results = await r.lesion();
    expect(tf.memory().numTensors).toBe(before);
    // n = 1 is not offered; n = 3 keeps its two stage changes (blocks 3 and 6)
    expect(results.map((x) => x.id)).toEqual(['plain-3', 'residual-3']);
    for (const x of results) {
      expect(x.images).toBe(TINY.valImages);
      expect(x.rows.map((row) => row.removed)).toEqual([null, 0, 1, 2, 4, 5, 7, 8]);
    }
    await r.stop();
    expect(await r.lesion()).toEqual([]);
  });

  it('pauses between steps and stops a race in progress', async () => {
    const r = runtime({ wasm: nodeBackendLoaders.wasm! });
    await r.probe('wasm');
    const before = tf.memory().numTensors;
    let done = 0;
    const racing = r.race({ ...TINY, steps: 50 }, () => {
      done++;
      if (done === 1) r.pause();
    });
    await new Promise((res) => setTimeout(res, 300));
    expect(done).toBe(1);
    await r.stop();
    expect(await racing).toBe('stopped');
    expect(done).toBeLessThanOrEqual(2);
    expect(tf.memory().numTensors).toBe(before);
  });
});
