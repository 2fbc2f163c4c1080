/**
 * The page's lesion study (src/model/lesion.ts) on the shipped ResNet-18 against PyTorch's
 * (training/lesion_table.py), on the same 100 held-out images per row: the same images and
 * weights, so at most one image may be predicted differently per row (float32 drift near a tie).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { lesionStudy } from '../../model/lesion';
import { networkFromWeights } from '../../model/loadNetwork';
import { loadStateDictFromDir } from '../../model/nodeWeights';
import { useNodeBackend } from '../../model/testBackend';
import { decodeLesionData, LESION_DATA_FILE } from './data';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const IMAGES = 100;

interface Fixture {
  inputSize: number;
  sha256: Record<string, string>;
  labels: number[];
  rows: { removed: string | null; correct: number; predicted: number[] }[];
}

beforeAll(async () => {
  await useNodeBackend();
});

describe('the lesion study against PyTorch', () => {
  it('predicts as PyTorch does with each block removed, at most one image apart per row', async () => {
    const fixture = JSON.parse(
      readFileSync(join(ROOT, 'src/model/__fixtures__/lesion-resnet18.json'), 'utf8'),
    ) as Fixture;
    const data = decodeLesionData(new Uint8Array(readFileSync(join(ROOT, 'public', LESION_DATA_FILE))), IMAGES);
    // the shipped images are PyTorch's, in PyTorch's order
    expect([...data.labels]).toEqual(fixture.labels.slice(0, IMAGES));
    const before = tf.memory().numTensors;
    const { model, stateDict } = await loadStateDictFromDir(join(ROOT, 'public/models/resnet18-fmnist'));
    expect(model.userDefinedMetadata['sha256']).toEqual(fixture.sha256);
    const net = networkFromWeights(model, stateDict, () => ({ kind: 'random', seed: 0 }));
    tf.dispose(Object.values(stateDict));
    try {
      const result = await lesionStudy(net, data, fixture.inputSize, { batch: 50 });
      expect(result.rows.map((r) => r.removed)).toEqual(fixture.rows.map((r) => r.removed));
      for (const [i, row] of result.rows.entries()) {
        const want = (fixture.rows[i] as Fixture['rows'][number]).predicted.slice(0, IMAGES);
        const differ = [...row.predictions].filter((p, j) => p !== want[j]).length;
        expect(differ, `${row.removed ?? 'intact'}: ${differ} images predicted differently`).toBeLessThanOrEqual(1);
      }
      // the removals do differ from one another: the rows are not all the intact network's
      const correct = result.rows.map((r) => r.correct);
      expect(new Set(correct).size).toBeGreaterThan(3);
    } finally {
      net.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
