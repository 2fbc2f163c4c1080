/**
 * For the Node tests only (gradCheck.test.ts, gradCheck.cpu.test.ts): the fixtures and the
 * race's data from the repository's files, and one network checked on one backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { selectBackend } from '../../model/backend';
import { nodeBackendLoaders } from '../../model/nodeBackends';
import type { BackendName } from '../../model/types';
import { decodeRaceData, RACE_DATA_FILE, type RaceData } from './data';
import { checkNetwork, GRAD_CHECK_DIR, GRAD_CHECK_INDEX, type FixtureIndex, type NetworkCheck } from './gradCheck';

export const FIXTURES = JSON.parse(readFileSync(`public/${GRAD_CHECK_INDEX}`, 'utf8')) as FixtureIndex;

let data: RaceData | undefined;

/**
 * `id`'s network checked on `backend` (that backend only), with the number of tfjs tensors
 * it left behind and each failed comparison as a line.
 */
export async function checkOn(
  backend: BackendName,
  id: string,
): Promise<{ check: NetworkCheck; leaked: number; failed: string[]; expected: number; backend: string }> {
  data ??= decodeRaceData(new Uint8Array(readFileSync(`public/${RACE_DATA_FILE}`)));
  await selectBackend({ [backend]: nodeBackendLoaders[backend] }, backend);
  const net = FIXTURES.networks.find((n) => n.id === id);
  if (!net) throw new Error(`no fixture ${id}`);
  const bytes = new Uint8Array(readFileSync(`public/${GRAD_CHECK_DIR}${net.file}`));
  const before = tf.memory().numTensors;
  const check = await checkNetwork(FIXTURES, net, bytes, data.train);
  const failed = check.comparisons
    .filter((c) => !c.passed)
    .map((c) => `${c.kind} ${c.name ?? ''}: ${c.relative.toExponential(2)}`);
  // the batches, the loss, 6n + 2 layer norms, every gradient, every parameter and statistic after the steps
  const expected = 2 + net.layerGradientNorms.length + 2 * net.parameters.length + net.statistics.length;
  return { check, leaked: tf.memory().numTensors - before, failed, expected, backend: tf.getBackend() };
}

/** One line for the test's output: the worst comparison and the time. */
export function describeCheck(backend: string, c: NetworkCheck): string {
  const w = c.worst;
  return `${backend} ${c.id}: worst ${w.kind} ${w.name ?? ''} ${w.relative.toExponential(2)}, ${c.seconds.toFixed(1)} s`;
}
