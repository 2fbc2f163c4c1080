/**
 * The trained variants on demand: which networks are trained comes from the shipped list; a
 * trained variant's weights are fetched from its own folder (with progress), an untrained one's
 * never. The loader runs against a stubbed `fetch`; the shipped list is replaced by a test one.
 */
import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadNetworkFromUrl } from './loadNetwork';
import { randomStateDict } from './network';
import { onDemandModelFolders, shippedModel, shippedModelUrl, trainingStatus, percent } from './shipped';
import { useNodeBackend } from './testBackend';
import { archSpec } from './variants';

vi.mock('./shippedModels', () => ({
  SHIPPED_MODELS: [
    {
      arch: 'resnet18',
      folder: 'resnet18-fmnist',
      inputSize: 64,
      testAccuracy: 0.9315,
      testImages: 10000,
      weightBytes: 1,
    },
    {
      arch: 'resnet18-preact',
      folder: 'pre18',
      inputSize: 32,
      testAccuracy: 0.9234,
      testImages: 10000,
      weightBytes: 2,
    },
  ],
}));

beforeAll(async () => {
  await useNodeBackend();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const CLASSES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];

/** Serve a random pre-activation ResNet-18 as pre18/model.json + w.bin; record every URL asked for. */
async function servePreact18(): Promise<string[]> {
  const dict = randomStateDict(3, archSpec('resnet18-preact'));
  const { data, specs } = await tf.io.encodeWeights(dict);
  tf.dispose(Object.values(dict));
  const sha256 = {
    'w.bin': createHash('sha256')
      .update(new Uint8Array(data as ArrayBuffer))
      .digest('hex'),
  };
  const model = {
    weightsManifest: [{ paths: ['w.bin'], weights: specs }],
    userDefinedMetadata: { arch: 'resnet18-preact', inputSize: 32, classNames: CLASSES, testAccuracy: 0.9234, sha256 },
  };
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    if (url === 'models/pre18/model.json') return new Response(JSON.stringify(model), { status: 200 });
    if (url === 'models/pre18/w.bin') return new Response(data as ArrayBuffer, { status: 200 });
    return new Response('Not found', { status: 404 });
  });
  return asked;
}

describe('which networks are trained', () => {
  it('says "trained" with the held-out accuracy for a shipped network, "untrained" for the others', () => {
    expect(trainingStatus('resnet18-preact')).toEqual({ kind: 'trained', accuracy: 0.9234, images: 10000 });
    expect(trainingStatus('resnet152')).toEqual({ kind: 'untrained' });
    expect(percent(0.9234)).toBe('92.3');
    expect(shippedModelUrl('resnet18-preact')).toBe('models/pre18/model.json');
    expect(shippedModelUrl('resnet50')).toBeUndefined();
    expect(shippedModel('resnet18')?.inputSize).toBe(64);
  });

  it('caches every trained network but ResNet-18 when it is opened (ResNet-18 is precached)', () => {
    expect(onDemandModelFolders()).toEqual(['models/pre18']);
  });
});

describe('a trained variant’s weights, on demand', () => {
  it('are downloaded from its own folder when it is chosen, with progress, and run as trained', async () => {
    const asked = await servePreact18();
    const before = tf.memory().numTensors;
    const progress: number[] = [];
    const url = shippedModelUrl('resnet18-preact') as string;
    const { net, problem } = await loadNetworkFromUrl(url, (f) => progress.push(f), archSpec('resnet18-preact'));
    expect(problem).toBeUndefined();
    expect(net.arch.id).toBe('resnet18-preact');
    expect(net.source).toMatchObject({ kind: 'trained', url, metadata: { testAccuracy: 0.9234, inputSize: 32 } });
    expect(asked).toEqual(['models/pre18/model.json', 'models/pre18/w.bin']);
    expect(progress.at(-1)).toBe(1);
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('are never asked for when the variant is untrained', async () => {
    const asked = await servePreact18();
    const before = tf.memory().numTensors;
    const { net } = await loadNetworkFromUrl('models/pre18/model.json', undefined, archSpec('resnet34'));
    expect(asked).toEqual([]);
    expect(net.source).toEqual({ kind: 'random', seed: 0, reason: 'untrained' });
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a missing file falls back to the same variant, untrained, and names the file', async () => {
    await servePreact18();
    const { net, problem } = await loadNetworkFromUrl(
      'models/elsewhere/model.json',
      undefined,
      archSpec('resnet18-preact'),
    );
    expect(problem).toMatchObject({ kind: 'missing', file: 'model.json' });
    expect(net.arch.id).toBe('resnet18-preact');
    net.dispose();
  });
});
