import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeBackendLoaders } from '../../model/nodeBackends';
import { decodeRaceData, RACE_DATA_FILE } from './data';
import { chooseByMeasurement } from './measure';

const data = decodeRaceData(new Uint8Array(readFileSync(`public/${RACE_DATA_FILE}`)));

describe('choosing where to train by measurement', () => {
  it('trains on WASM, whose filter gradient src/model/trainingKernels.ts supplies', async () => {
    const { chosen, measurements } = await chooseByMeasurement(['wasm'], nodeBackendLoaders, data.train);
    expect(chosen).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(measurements[0]!.msPerStep).toBeGreaterThan(0);
  });

  it('gives up on a backend slower than the limit, and says so when none is left', async () => {
    await expect(chooseByMeasurement(['cpu'], nodeBackendLoaders, data.train, 1)).rejects.toThrow(
      /no backend could train: cpu: the probe took over 0.001 s/,
    );
  });
});
