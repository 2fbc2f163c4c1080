/**
 * Load the network the page and the CLI use: trained weights when they are there, a
 * seeded random initialisation otherwise, with a sentence that says which and why.
 * Uses only `fetch`, so it runs in the browser and in Node.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ResNet, ResNet18, WeightsError, describeProblems, type StateDict } from './network';
import type { WeightsSource } from './types';
import { RESNET18, type ArchSpec } from './variants';
import { loadStateDict, type ByteFetcher, type ModelJson } from './weights';
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
  readonly net: ResNet18;
  /** Set when trained weights were expected but could not be used. */
  readonly problem?: string;
}

/** fetch a file's bytes, reporting bytes as they arrive. */
export const fetchBytes: ByteFetcher = async (url, onBytes) => {
  const res = await fetch(url);
  if (!res.ok) throw new WeightsError(`${url} could not be downloaded (HTTP ${res.status})`);
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

class NotShipped extends Error {}

async function fetchModelJson(url: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new WeightsError(`${url} could not be downloaded (${e instanceof Error ? e.message : String(e)})`);
  }
  if (res.status === 404) throw new NotShipped();
  if (!res.ok) throw new WeightsError(`${url} could not be downloaded (HTTP ${res.status})`);
  const text = await res.text();
  // a static server's fallback page is not a model: treat it as "no weights shipped"
  if (text.trimStart().startsWith('<')) throw new NotShipped();
  return text;
}

/**
 * Trained weights from `modelUrl`, or random weights (seed 0) if there are none or they
 * are broken; `problem` then says what went wrong, for the page to show.
 */
export async function loadNetworkFromUrl(
  modelUrl: string = DEFAULT_MODEL_URL,
  onProgress?: (fraction: number) => void,
  arch: ArchSpec = RESNET18,
): Promise<LoadedNetwork> {
  // only ResNet-18 is shipped trained; the other variants run with PyTorch's default init
  if (arch.id !== RESNET18.id) return { net: ResNet.random(0, 'untrained', arch) };
  try {
    const { model, stateDict } = await loadStateDict(modelUrl, fetchModelJson, fetchBytes, onProgress);
    try {
      return {
        net: networkFromWeights(model, stateDict, () => ({
          kind: 'trained',
          url: modelUrl,
          metadata: model.userDefinedMetadata,
        })),
      };
    } finally {
      tf.dispose(Object.values(stateDict));
    }
  } catch (e) {
    if (e instanceof NotShipped) return { net: ResNet18.random(0, 'no trained weights are shipped yet') };
    const problem = e instanceof Error ? e.message : String(e);
    return { net: ResNet18.random(0, problem), problem };
  }
}
