/**
 * Trained weights in the standard tfjs weights format: a `model.json` whose
 * `weightsManifest` names every tensor by the notebook's `state_dict` key, in PyTorch layout,
 * optionally quantized (uint8 / uint16 / float16). Any d2l-style ResNet-18 state_dict
 * exported the same way loads here. Every failure becomes a `WeightsError` that says
 * what is wrong with the file; a problem with one file is a `WeightsFileError` whose
 * `problem` names the file and the kind of problem, as data a page can put in words.
 *
 * `training/export.py` records each file's SHA-256 in model.json
 * (`userDefinedMetadata.sha256`, keyed by the path as written in `weightsManifest[].paths`);
 * the loader checks it, so a cut-off or altered download is caught and named. A model.json
 * without checksums (weights a user exported) still loads, marked as unverified.
 */
import * as tf from '@tensorflow/tfjs-core';
import { WeightsError, type StateDict } from './network';
import { sha256Hex } from './sha256';
import type { WeightsMetadata } from './types';

/**
 * What went wrong with one weights file: it is not on the server (`missing`), could not
 * be downloaded (`unreachable`), arrived shorter than model.json says (`truncated`), has
 * other bytes than the exporter wrote (`altered`, a checksum mismatch), or cannot be read
 * as a tfjs model (`invalid`).
 */
export type WeightsProblemKind = 'missing' | 'unreachable' | 'truncated' | 'altered' | 'invalid';

export interface WeightsProblem {
  readonly kind: WeightsProblemKind;
  /** The file's name as the page asked for it, e.g. `group1-shard1of1.bin` or `model.json`. */
  readonly file: string;
  /** Technical detail for the curious: an HTTP status, a parser's message, two byte counts. */
  readonly detail: string;
}

/** A `WeightsError` about one file, with the problem as data. */
export class WeightsFileError extends WeightsError {
  override name = 'WeightsFileError';
  constructor(readonly problem: WeightsProblem) {
    super(`${problem.file}: ${problem.kind} (${problem.detail})`);
  }
}

/** The last part of a path or URL: the name a person recognises. */
export function fileName(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

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
  const sums = meta['sha256'];
  if (sums !== undefined) {
    const ok =
      typeof sums === 'object' &&
      sums !== null &&
      Object.values(sums).every((v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v));
    if (!ok) throw new WeightsError('"sha256" in model.json must map file paths to 64 lowercase hex digits');
  }
  return j as unknown as ModelJson;
}

/** The SHA-256 model.json records for each weights file, by path; undefined when it records none. */
export function recordedChecksums(model: ModelJson): Readonly<Record<string, string>> | undefined {
  return model.userDefinedMetadata['sha256'] as Record<string, string> | undefined;
}

/**
 * Check each file against the checksum model.json records for it. Returns whether every
 * file was checked; throws a `WeightsFileError` for the first file that differs (`truncated`
 * when it is shorter than its manifest group says, `altered` otherwise).
 */
export async function verifyChecksums(
  model: ModelJson,
  paths: readonly string[],
  buffers: readonly ArrayBuffer[],
): Promise<boolean> {
  const sums = recordedChecksums(model);
  if (!sums) return false;
  let all = true;
  for (const [i, path] of paths.entries()) {
    const want = sums[path];
    const data = buffers[i] as ArrayBuffer;
    if (!want) {
      all = false;
      continue;
    }
    const got = await sha256Hex(data);
    if (got === want) continue;
    const group = model.weightsManifest.find((g) => g.paths.includes(path));
    const size = group && group.paths.length === 1 ? expectedByteLength(tf.io.getWeightSpecs([group])) : undefined;
    if (size !== undefined && data.byteLength < size) {
      throw new WeightsFileError({
        kind: 'truncated',
        file: fileName(path),
        detail: `${data.byteLength} of ${size} bytes`,
      });
    }
    throw new WeightsFileError({
      kind: 'altered',
      file: fileName(path),
      detail: `SHA-256 ${got.slice(0, 12)}…, expected ${want.slice(0, 12)}…`,
    });
  }
  return all;
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
    throw new WeightsFileError({
      kind: data.byteLength < expected ? 'truncated' : 'altered',
      file: model.weightsManifest.flatMap((g) => g.paths.map(fileName)).join(', '),
      detail: `${data.byteLength} of ${expected} bytes: the download is incomplete or the files do not belong together`,
    });
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

/** A model.json and its shards, downloaded and checked, before any tensor exists. */
export interface WeightFiles {
  readonly model: ModelJson;
  readonly buffers: readonly ArrayBuffer[];
  /** Every file matched the SHA-256 model.json records (false: it records none). */
  readonly verified: boolean;
}

/** The same files decoded: a state_dict of tensors the caller owns. */
export interface LoadedWeights extends Omit<WeightFiles, 'buffers'> {
  readonly stateDict: StateDict;
}

/**
 * Download model.json and its shards from `modelUrl`'s folder and check them against the
 * recorded checksums. Needs no backend: it can run while a backend is still being chosen.
 * `onProgress` gets a fraction in [0, 1] as shards arrive.
 */
export async function fetchWeightFiles(
  modelUrl: string,
  fetchText: (url: string) => Promise<string>,
  fetchBytes: ByteFetcher,
  onProgress?: (fraction: number) => void,
): Promise<WeightFiles> {
  let parsed: unknown;
  const text = await fetchText(modelUrl);
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const detail = `not valid JSON (${e instanceof Error ? e.message : String(e)})`;
    throw new WeightsFileError({ kind: 'invalid', file: fileName(modelUrl), detail });
  }
  let model: ModelJson;
  try {
    model = parseModelJson(parsed);
  } catch (e) {
    throw new WeightsFileError({ kind: 'invalid', file: fileName(modelUrl), detail: (e as Error).message });
  }
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
  const verified = await verifyChecksums(model, paths, buffers);
  return { model, buffers, verified };
}

/** Load model.json and its shards (`fetchWeightFiles`), decoded into tensors on the current backend. */
export async function loadStateDict(
  modelUrl: string,
  fetchText: (url: string) => Promise<string>,
  fetchBytes: ByteFetcher,
  onProgress?: (fraction: number) => void,
): Promise<LoadedWeights> {
  const { model, buffers, verified } = await fetchWeightFiles(modelUrl, fetchText, fetchBytes, onProgress);
  return { model, stateDict: decodeStateDict(model, buffers), verified };
}
