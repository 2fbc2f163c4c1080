import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ResNet, WeightsError, randomStateDict } from './network';
import { decodeStateDict, loadStateDict, parseModelJson, type ModelJson } from './weights';
import { randomInput } from './input';
import { useNodeBackend } from './testBackend';

beforeAll(async () => {
  await useNodeBackend();
});

const META = { inputSize: 64, classNames: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] };

async function exportDict(quantize: boolean): Promise<{ model: ModelJson; data: ArrayBuffer }> {
  const dict = randomStateDict(7);
  const { data, specs } = await tf.io.encodeWeights(dict);
  tf.dispose(Object.values(dict));
  if (!quantize)
    return {
      model: { weightsManifest: [{ paths: ['w.bin'], weights: specs }], userDefinedMetadata: META },
      data: data as ArrayBuffer,
    };
  // quantize every weight to uint8, as the exporter does for large kernels
  const floats = new Float32Array(data as ArrayBuffer);
  const bytes: number[] = [];
  const qspecs: tf.io.WeightsManifestEntry[] = [];
  let offset = 0;
  for (const s of specs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    const v = floats.subarray(offset, offset + n);
    offset += n;
    const min = v.reduce((a, b) => Math.min(a, b), Infinity);
    const max = v.reduce((a, b) => Math.max(a, b), -Infinity);
    const scale = (max - min) / 255 || 1;
    for (const x of v) bytes.push(Math.round((x - min) / scale));
    qspecs.push({ ...s, quantization: { dtype: 'uint8', min, scale } });
  }
  return {
    model: { weightsManifest: [{ paths: ['w.bin'], weights: qspecs }], userDefinedMetadata: META },
    data: new Uint8Array(bytes).buffer,
  };
}

describe('weights in the tfjs format, named by state_dict keys', () => {
  it('round-trips a state_dict and builds a network that computes the same logits', async () => {
    const { model, data } = await exportDict(false);
    const dict = decodeStateDict(model, [data]);
    const a = ResNet.fromStateDict(dict, { kind: 'random', seed: 7 });
    const b = ResNet.random(7);
    const x = randomInput([1, 1, 32, 32], 0);
    const [la, lb] = [a.forward(x), b.forward(x)];
    expect(await la.array()).toEqual(await lb.array());
    tf.dispose([la, lb, x, ...Object.values(dict)]);
    a.dispose();
    b.dispose();
  });

  it('dequantizes uint8 weights to within one step', async () => {
    const { model, data } = await exportDict(true);
    const dict = decodeStateDict(model, [data]);
    const ref = randomStateDict(7);
    const w = model.weightsManifest[0]?.weights.find((s) => s.name === '1.0.conv1.weight');
    const step = w?.quantization?.scale ?? 0;
    const diff = tf.tidy(
      () =>
        tf
          .max(tf.abs(tf.sub(dict['1.0.conv1.weight'] as tf.Tensor, ref['1.0.conv1.weight'] as tf.Tensor)))
          .dataSync()[0] as number,
    );
    expect(diff).toBeLessThanOrEqual(step / 2 + 1e-6);
    tf.dispose([...Object.values(dict), ...Object.values(ref)]);
  });

  it('says so when a weight file is truncated', async () => {
    const { model, data } = await exportDict(false);
    expect(() => decodeStateDict(model, [data.slice(0, 1000)])).toThrow(/incomplete/);
  });

  it("says which weights do not fit the notebook's network", () => {
    const dict = randomStateDict(1);
    const wrong = tf.zeros([64, 3, 7, 7]);
    const bad = { ...dict, '0.0.weight': wrong };
    delete (bad as Record<string, tf.Tensor>)['7.bias'];
    expect(() => ResNet.fromStateDict(bad, { kind: 'random', seed: 1 })).toThrow(WeightsError);
    expect(() => ResNet.fromStateDict(bad, { kind: 'random', seed: 1 })).toThrow(
      /"0.0.weight" has shape \[64, 3, 7, 7\].*missing "7.bias"/,
    );
    tf.dispose([wrong, ...Object.values(dict)]);
  });

  it('rejects a file that is not a tfjs model.json', async () => {
    expect(() => parseModelJson({ hello: 1 })).toThrow(/weightsManifest/);
    expect(() => parseModelJson({ weightsManifest: [{ paths: [], weights: [] }] })).toThrow(/classNames/);
    await expect(
      loadStateDict(
        'm/model.json',
        async () => '{not json',
        async () => new ArrayBuffer(0),
      ),
    ).rejects.toThrow(/not valid JSON/);
  });

  it('reports download progress up to 1', async () => {
    const { model, data } = await exportDict(false);
    const seen: number[] = [];
    const loaded = await loadStateDict(
      'm/model.json',
      async () => JSON.stringify(model),
      async (_url, onBytes) => {
        onBytes?.(data.byteLength / 2);
        onBytes?.(data.byteLength);
        return data;
      },
      (f) => seen.push(f),
    );
    expect(seen).toEqual([0.5, 1]);
    tf.dispose(Object.values(loaded.stateDict));
  });
});
