/**
 * How many tfjs kernels one race training step runs on WASM, counted with tf.profile (not timed:
 * each kernel launch has a fixed cost there, so the count is what a step's overhead follows).
 * Batch norm (src/model/hostBatchNorm.ts) and SGD with momentum (src/model/flatMomentum.ts)
 * run on the host there, with no kernels; with them a step ran 1,114 kernels for plain-20 and
 * 1,202 for residual-20 (width 4, batch 32), now 436 and 512.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../model/backend';
import { nodeBackendLoaders } from '../../model/nodeBackends';
import { decodeRaceData, RACE_DATA_FILE, type RaceData } from './data';
import { batchIndices } from './setup';
import { RaceTrainer, toBatch } from './trainer';

let data: RaceData;
beforeAll(async () => {
  await selectBackend({ wasm: nodeBackendLoaders.wasm }, 'wasm');
  data = decodeRaceData(new Uint8Array(readFileSync(`public/${RACE_DATA_FILE}`)));
});

describe('a race training step on WASM', () => {
  for (const [family, most] of [
    ['plain', 480],
    ['residual', 560],
  ] as const)
    it(`runs no kernel for batch norm or the optimiser: ${family}-20, under ${most} kernels`, async () => {
      const t = new RaceTrainer({ family, n: 3, width: 4 }, { seed: 1, learningRate: 0.05, momentum: 0.9 });
      const { x, y } = toBatch(data.train, batchIndices(4000, 32, 1, 1)[0]!);
      await t.step(x, y);
      const info = await tf.profile(async () => {
        await t.step(x, y);
      });
      tf.dispose([x, y]);
      t.dispose();
      const names = new Set(info.kernels.map((k) => k.name));
      for (const name of ['Rsqrt', 'Square', 'Split']) expect(names.has(name), name).toBe(false);
      expect(info.kernels.length).toBeLessThan(most);
      expect(info.kernels.length).toBeGreaterThan(100);
    });
});
