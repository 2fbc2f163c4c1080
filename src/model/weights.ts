/**
 * Trained weights in the standard tfjs weights format: a `model.json` whose
 * `weightsManifest` names every tensor by the seed's `state_dict` key, in PyTorch layout,
 * optionally quantized (uint8 / uint16 / float16). Any d2l-style ResNet-18 state_dict
 * exported the same way loads here. Every failure becomes a `WeightsError` that says
 * what is wrong with the file.
 */
import * as tf from '@tensorflow/tfjs-core';
import { WeightsError, type StateDict } from './network';
import type { WeightsMetadata } from './types';

export interface ModelJson {
  readonly weightsManifest: tf.io.WeightsManifestConfig;
  readonly userDefinedMetadata: WeightsMetadata;
  readonly [key: string]: unknown;
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, uint8: 1, uint16: 2, float16: 2 };

/** Validate a parsed model.json and return it typed; throws a `WeightsError` that says what is off. */
export function parseModelJson(json: unknown): ModelJson {
  if (typeof json !== 'object' || json === null) throw new WeightsError('model.json is not a JSON object');
  const j = json as Record<string, unknown>;
  if (!Array.isArray(j['weightsManifest']) || j['weightsManifest'].length === 0) {
    throw new WeightsError('model.json has no "weightsManifest": this is not a tfjs weights file');
  }
  for (const group of j['weightsManifest'] as unknown[]) {
    const g = group as Partial<tf.io.WeightsManifestConfig[number]>;
    if (!Array.isArray(g.paths) || !Array.isArray(g.weights)) {
      throw new WeightsError('every weightsManifest group needs "paths" and "weights"');
    }
  }
  const meta = j['userDefinedMetadata'] as Partial<WeightsMetadata> | undefined;
  if (!meta || typeof meta.inputSize !== 'number' || !Array.isArray(meta.classNames) || meta.classNames.length !== 10) {
    throw new WeightsError('model.json needs userDefinedMetadata with "inputSize" and ten "classNames"');
  }
  return j as unknown as ModelJson;
}

/** Bytes the manifest's weights take, so a truncated or padded file is caught before decoding. */
export function expectedByteLength(specs: readonly tf.io.WeightsManifestEntry[]): number {
  let total = 0;
  for (const s of specs) {
    const dtype = s.quantization?.dtype ?? s.dtype;
    const per = BYTES[dtype];
    if (per === undefined) throw new WeightsError(`weight "${s.name}" has an unsupported dtype "${dtype}"`);
    total += per * s.shape.reduce((a, b) => a * b, 1);
  }
  return total;
}

/** Decode the weight files of one model.json into a state_dict (tensors the caller owns). */
export function decodeStateDict(model: ModelJson, buffers: readonly ArrayBuffer[]): StateDict {
  const specs = tf.io.getWeightSpecs(model.weightsManifest);
  const data = tf.io.concatenateArrayBuffers([...buffers]);
  const expected = expectedByteLength(specs);
  if (data.byteLength !== expected) {
    throw new WeightsError(
      `the weight files hold ${data.byteLength} bytes but model.json describes ${expected}: the download is incomplete or the files do not belong together`,
    );
  }
  const dict = tf.io.decodeWeights(data, specs) as StateDict;
  const bad = Object.entries(dict).find(([, t]) => t.dtype !== 'float32');
  if (bad) {
    tf.dispose(Object.values(dict));
    throw new WeightsError(`weight "${bad[0]}" is ${bad[1].dtype}, expected float32`);
  }
  return dict;
}

/** Fetches a file as bytes, reporting bytes received (the browser's fetch, or a file reader in Node). */
export type ByteFetcher = (url: string, onBytes?: (received: number) => void) => Promise<ArrayBuffer>;

export interface LoadedWeights {
  readonly model: ModelJson;
  readonly stateDict: StateDict;
}

/**
 * Load model.json and its shards from `modelUrl`'s folder. `onProgress` gets a fraction
 * in [0, 1] as shards arrive.
 */
export async function loadStateDict(
  modelUrl: string,
  fetchText: (url: string) => Promise<string>,
  fetchBytes: ByteFetcher,
  onProgress?: (fraction: number) => void,
): Promise<LoadedWeights> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fetchText(modelUrl));
  } catch (e) {
    if (e instanceof SyntaxError) throw new WeightsError(`${modelUrl} is not valid JSON (${e.message})`);
    throw e;
  }
  const model = parseModelJson(parsed);
  const base = modelUrl.slice(0, modelUrl.lastIndexOf('/') + 1);
  const paths = model.weightsManifest.flatMap((g) => g.paths);
  const total = expectedByteLength(tf.io.getWeightSpecs(model.weightsManifest));
  const received = new Array<number>(paths.length).fill(0);
  const report = () => onProgress?.(Math.min(1, received.reduce((a, b) => a + b, 0) / total));
  const buffers = await Promise.all(
    paths.map((p, i) =>
      fetchBytes(base + p, (n) => {
        received[i] = n;
        report();
      }),
    ),
  );
  return { model, stateDict: decodeStateDict(model, buffers) };
}
