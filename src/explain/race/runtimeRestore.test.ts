/**
 * A fresh race worker takes over a finished race from one that stopped answering: the networks
 * the first runtime sent whole (parameters and batch-norm statistics) are rebuilt in another,
 * which answers the lesion study with the very same counts; the lesion reports its progress.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeBackendLoaders } from '../../model/nodeBackends';
import { decodeRaceData, RACE_DATA_FILE } from './data';
import { RACE_RECIPE, type RaceConfig } from './setup';
import { RaceRuntime } from './runtime';

const data = decodeRaceData(new Uint8Array(readFileSync(`public/${RACE_DATA_FILE}`)));
const TINY: RaceConfig = { ...RACE_RECIPE, ns: [1, 3], width: 2, steps: 3, batch: 4, valImages: 10, evalEvery: 3 };
const PROBE = { spec: { family: 'residual', n: 1, width: 2 }, batch: 8 } as const;
const loaders = { wasm: nodeBackendLoaders.wasm! };

describe('a fresh race worker taking over a finished race', () => {
  it('rebuilds the trained networks from their snapshot: the same lesion counts, no tensor kept after stop', async () => {
    const first = new RaceRuntime(data, loaders, PROBE);
    await first.probe('wasm');
    expect(await first.race(TINY, () => undefined)).toBe('done');
    const progress: number[][] = [];
    const expected = await first.lesion((done, total) => progress.push([done, total]));
    // one report per batch through a network with one block removed: n = 3 has 8 rows, one batch of 10 images
    expect(progress.at(-1)).toEqual([16, 16]);
    const nets = await first.snapshot();
    expect(nets.map((n) => n.id)).toEqual(['plain-1', 'residual-1', 'plain-3', 'residual-3']);
    // batch norm's running statistics travel too: the lesion runs in evaluation mode
    expect(nets[0]!.tensors.map((t) => t.name)).toContain('stem.bn.runningVar');
    await first.stop();

    const before = tf.memory().numTensors;
    const fresh = new RaceRuntime(data, loaders, PROBE);
    await fresh.restore('wasm', TINY, nets);
    expect(await fresh.lesion()).toEqual(expected);
    expect((await fresh.snapshot()).map((n) => n.tensors)).toEqual(nets.map((n) => n.tensors));
    await fresh.stop();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a snapshot that does not fit the network, keeping no tensor', async () => {
    const fresh = new RaceRuntime(data, loaders, PROBE);
    const before = tf.memory().numTensors;
    await expect(
      fresh.restore('wasm', TINY, [{ id: 'plain-1', spec: { family: 'plain', n: 1, width: 2 }, tensors: [] }]),
    ).rejects.toThrow(/plain-1: .* is missing/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
