/**
 * Weights from files a person chose (a model.json and its .bin files, or a folder holding
 * them): matched by name, decoded, checked against their variant. Everything happens in
 * memory; nothing is sent anywhere.
 */
import * as tf from '@tensorflow/tfjs-core';
import { networkFromWeights } from './loadNetwork';
import { WeightsError, type ResNet } from './network';
import { decodeStateDict, parseModelJson } from './weights';

/** A chosen file: its name (a folder's files may carry their relative path) and a way to read it. */
export interface ChosenFile {
  readonly name: string;
  readonly text: () => Promise<string>;
  readonly bytes: () => Promise<ArrayBuffer>;
}

const baseName = (name: string) => name.slice(name.lastIndexOf('/') + 1);

/**
 * Build a network from chosen files. Throws a `WeightsError` that names the problem: no
 * model.json, a weights file model.json names that was not chosen, bad JSON, bytes that
 * do not add up, or keys and shapes that do not fit the variant.
 */
export async function networkFromFiles(files: readonly ChosenFile[]): Promise<ResNet> {
  const jsons = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  if (jsons.length === 0) {
    throw new WeightsError('none of the chosen files is a model.json: choose model.json together with its .bin files');
  }
  if (jsons.length > 1) {
    throw new WeightsError(`choose one model.json at a time, not ${jsons.map((f) => baseName(f.name)).join(', ')}`);
  }
  const json = jsons[0] as ChosenFile;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await json.text());
  } catch (e) {
    throw new WeightsError(`${baseName(json.name)} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const model = parseModelJson(parsed);
  const byName = new Map(files.map((f) => [baseName(f.name), f]));
  const paths = model.weightsManifest.flatMap((g) => g.paths);
  const missing = paths.filter((p) => !byName.has(baseName(p)));
  if (missing.length > 0) {
    throw new WeightsError(
      `${baseName(json.name)} names ${missing.map((p) => `"${p}"`).join(', ')}, which is not among the chosen files`,
    );
  }
  const buffers = await Promise.all(paths.map((p) => (byName.get(baseName(p)) as ChosenFile).bytes()));
  const stateDict = decodeStateDict(model, buffers);
  try {
    return networkFromWeights(model, stateDict, () => ({
      kind: 'trained',
      url: baseName(json.name),
      metadata: model.userDefinedMetadata,
      yours: true,
    }));
  } finally {
    tf.dispose(Object.values(stateDict));
  }
}
