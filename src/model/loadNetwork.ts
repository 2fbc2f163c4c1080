/**
 * Load the network the page uses: the trained weights, checked against their recorded
 * SHA-256; when a file is missing, cut off, altered or unreadable, a seeded random
 * initialisation (the shape-only trace) and the problem as data (`WeightsProblem`:
 * which file, what kind), for the page to say in the student's language.
 * Uses only `fetch`, so it runs in the browser, in a worker and in Node.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ResNet, WeightsError, describeProblems, type StateDict } from './network';
import type { WeightsSource } from './types';
import { shippedModel } from './shipped';
import { RESNET18, type ArchSpec } from './variants';
import {
  decodeStateDict,
  fetchWeightFiles,
  fileName,
  WeightsFileError,
  type ByteFetcher,
  type ModelJson,
  type WeightFiles,
  type WeightsProblem,
} from './weights';
import { fitWeights } from './weightsArch';

/**
 * A network from decoded weights: the variant from the metadata's `arch`, else from the
 * keys; every key and shape checked against it. The state_dict stays the caller's.
 */
export function networkFromWeights(
  model: ModelJson,
  stateDict: StateDict,
  source: (arch: ArchSpec) => WeightsSource,
): ResNet {
  const shapes = Object.fromEntries(Object.entries(stateDict).map(([k, t]) => [k, t.shape]));
  const { arch, problems } = fitWeights(shapes, model.userDefinedMetadata['arch']);
  if (problems.length > 0) throw new WeightsError(describeProblems(problems, arch));
  return ResNet.fromStateDict(stateDict, source(arch), arch);
}

/** The shipped weights, relative to the page. */
export const DEFAULT_MODEL_URL = 'models/resnet18-fmnist/model.json';

export interface LoadedNetwork {
  readonly net: ResNet;
  /** Set when the trained weights could not be used; `net` then has random weights (seed 0). */
  readonly problem?: WeightsProblem;
  /** Trained weights whose model.json records no checksums (a user's own export): loaded unchecked. */
  readonly unverified?: boolean;
}

/** GET `url`, turning every way it can fail into a `WeightsFileError` that names the file. */
async function get(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new WeightsFileError({ kind: 'unreachable', file: fileName(url), detail });
  }
  const file = fileName(url);
  if (res.status === 404 || res.status === 410)
    throw new WeightsFileError({ kind: 'missing', file, detail: `HTTP ${res.status}` });
  if (!res.ok) throw new WeightsFileError({ kind: 'unreachable', file, detail: `HTTP ${res.status}` });
  // a static server's fallback page for an unknown path is not the file asked for
  if (res.headers.get('content-type')?.startsWith('text/html')) {
    throw new WeightsFileError({ kind: 'missing', file, detail: 'the server answered with a web page' });
  }
  return res;
}

/** fetch a file's bytes, reporting bytes as they arrive. */
export const fetchBytes: ByteFetcher = async (url, onBytes) => {
  const res = await get(url);
  if (!res.body || !onBytes) return res.arrayBuffer();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onBytes(received);
  }
  const out = new Uint8Array(received);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out.buffer;
};

async function fetchModelJson(url: string): Promise<string> {
  return (await get(url)).text();
}

/** The problem as data, whatever was thrown while loading from `modelUrl`. */
function problemOf(e: unknown, modelUrl: string): WeightsProblem {
  if (e instanceof WeightsFileError) return e.problem;
  // a model.json whose tensors do not fit the notebook's network, or anything unforeseen
  const detail = e instanceof WeightsError || e instanceof Error ? e.message : String(e);
  return { kind: 'invalid', file: fileName(modelUrl), detail };
}

/**
 * Download and check the shipped weights' files, creating no tensor: start it as early as
 * you like (e.g. while the backends race) and hand the promise to `loadNetworkFromUrl`.
 */
export function fetchShippedWeights(
  modelUrl: string = DEFAULT_MODEL_URL,
  onProgress?: (fraction: number) => void,
): Promise<WeightFiles> {
  const files = fetchWeightFiles(modelUrl, fetchModelJson, fetchBytes, onProgress);
  files.catch(() => undefined); // a failure is the loader's to report, when it is awaited
  return files;
}

/**
 * Trained weights from `modelUrl` (or the files already fetched from there), or random
 * weights (seed 0) when they cannot be used; `problem` then says which file and what went wrong.
 */
export async function loadNetworkFromUrl(
  modelUrl: string = DEFAULT_MODEL_URL,
  onProgress?: (fraction: number) => void,
  arch: ArchSpec = RESNET18,
  prefetched?: Promise<WeightFiles>,
): Promise<LoadedNetwork> {
  // a variant without shipped weights runs with PyTorch's default init
  if (!shippedModel(arch.id)) return { net: ResNet.random(0, 'untrained', arch) };
  try {
    const { model, buffers, verified } = await (prefetched ?? fetchShippedWeights(modelUrl, onProgress));
    const stateDict = decodeStateDict(model, buffers);
    try {
      const net = networkFromWeights(model, stateDict, () => ({
        kind: 'trained',
        url: modelUrl,
        metadata: model.userDefinedMetadata,
      }));
      return verified ? { net } : { net, unverified: true };
    } finally {
      tf.dispose(Object.values(stateDict));
    }
  } catch (e) {
    const problem = problemOf(e, modelUrl);
    return { net: ResNet.random(0, `${problem.file}: ${problem.kind}`, arch), problem };
  }
}
