/**
 * Every shipped trained network but ResNet-18 (whose whole trace has its own golden fixtures),
 * loaded from public/models as the page loads it, predicts what PyTorch predicts on a few
 * held-out images, with logits within float32 drift. Fixtures: training/variant_golden.py.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { heldOutOfClass } from './fashionMnist';
import { networkFromWeights } from './loadNetwork';
import { loadStateDictFromDir } from './nodeWeights';
import { SHIPPED_MODELS } from './shipped';
import { useNodeBackend } from './testBackend';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const variants = SHIPPED_MODELS.filter((m) => m.arch !== 'resnet18');

interface Golden {
  arch: string;
  inputSize: number;
  perClass: number;
  sha256: Record<string, string>;
  labels: number[];
  predicted: number[];
  logits: number[][];
}

function heldOut(perClass: number): number[][] {
  const dir = join(dirname(createRequire(import.meta.url).resolve('fashion-mnist/package.json')), 'src', 'clothes');
  return Array.from({ length: 10 }, (_, c) => {
    const file = JSON.parse(readFileSync(join(dir, `${c}.json`), 'utf8')) as { data: unknown[] };
    return heldOutOfClass(file.data).images.slice(0, perClass);
  }).flat();
}

beforeAll(async () => {
  await useNodeBackend();
});

describe.skipIf(variants.length === 0)('the trained variants against PyTorch', () => {
  it.each(variants.map((m) => [m.arch, m] as const))('%s predicts as PyTorch does', async (arch, m) => {
    const fixture = join(ROOT, 'src', 'model', '__fixtures__', `trained-${arch}.json`);
    expect(existsSync(fixture), `${fixture}: run training/variant_golden.py public/models/${m.folder}`).toBe(true);
    const golden = JSON.parse(readFileSync(fixture, 'utf8')) as Golden;
    const before = tf.memory().numTensors;
    const { model, stateDict } = await loadStateDictFromDir(join(ROOT, 'public', 'models', m.folder));
    // the fixture was made from these very files
    expect(model.userDefinedMetadata['sha256']).toEqual(golden.sha256);
    const net = networkFromWeights(model, stateDict, () => ({ kind: 'random', seed: 0 }));
    tf.dispose(Object.values(stateDict));
    try {
      expect(net.arch.id).toBe(arch);
      const images = heldOut(golden.perClass);
      const size = golden.inputSize;
      const logits = tf.tidy(() => {
        const x = tf.tensor4d(
          Float32Array.from(images.flat(), (v) => v / 255),
          [images.length, 28, 28, 1],
        );
        const resized = tf.image.resizeBilinear(x, [size, size], false, true);
        return net.forward(tf.transpose(resized, [0, 3, 1, 2]) as tf.Tensor4D);
      });
      const got = (await logits.array()) as number[][];
      logits.dispose();
      expect(got.map((row) => row.indexOf(Math.max(...row)))).toEqual(golden.predicted);
      const flat = got.flat();
      const want = golden.logits.flat();
      const diff = Math.hypot(...flat.map((v, i) => v - (want[i] as number)));
      expect(diff / Math.hypot(...want)).toBeLessThan(1e-4);
    } finally {
      net.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
