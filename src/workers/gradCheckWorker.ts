/**
 * The race's gradient check in a Web Worker of its own: starts the backend it is asked for
 * (that one only: a check of another backend would say nothing about this one), downloads
 * PyTorch's fixtures and the race's data, and runs `checkNetwork` on each network, reporting
 * each as it finishes.
 */
import * as tf from '@tensorflow/tfjs-core';
import { decodeRaceData, RACE_DATA_FILE } from '../explain/race/data';
import {
  checkNetwork,
  fixturesFor,
  GRAD_CHECK_DIR,
  GRAD_CHECK_INDEX,
  summarize,
  type FixtureIndex,
} from '../explain/race/gradCheck';
import { selectBackend } from '../model/backend';
import { browserBackendLoaders } from '../model/browserBackends';
import type { GradCheckFailure, GradCheckMessage, GradCheckRequest } from './gradCheckMessages';

function post(m: GradCheckMessage): void {
  self.postMessage(m);
}

class Failure extends Error {
  constructor(
    readonly failure: GradCheckFailure,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

async function download(url: URL): Promise<Response> {
  const res = await fetch(url).catch((e: unknown) => {
    throw new Failure('download', e);
  });
  if (!res.ok) throw new Failure('download', `HTTP ${res.status} for ${url.pathname}`);
  return res;
}

async function start(req: GradCheckRequest): Promise<void> {
  const loaders =
    req.backend === 'auto' ? browserBackendLoaders : { [req.backend]: browserBackendLoaders[req.backend] };
  const chosen = await selectBackend(loaders, req.backend === 'auto' ? undefined : req.backend).catch((e: unknown) => {
    throw new Failure('backend', e);
  });
  const index = (await (await download(new URL(GRAD_CHECK_INDEX, req.base))).json()) as FixtureIndex;
  const { networks, exact } = fixturesFor(index, req.ns, req.width);
  // the numbers below must be this backend's
  if (tf.getBackend() !== chosen.name)
    throw new Failure('backend', `tfjs runs on ${tf.getBackend()}, not ${chosen.name}`);
  post({ type: 'plan', backend: chosen.name, ids: networks.map((n) => n.id), exact });
  const data = decodeRaceData(new Uint8Array(await (await download(new URL(RACE_DATA_FILE, req.base))).arrayBuffer()));
  for (const net of networks) {
    const bytes = new Uint8Array(await (await download(new URL(GRAD_CHECK_DIR + net.file, req.base))).arrayBuffer());
    post({ type: 'network', summary: summarize(await checkNetwork(index, net, bytes, data.train)) });
  }
  post({ type: 'done' });
}

self.onmessage = (e: MessageEvent<GradCheckRequest>) => {
  if (e.data.type !== 'start') return;
  start(e.data).catch((err: unknown) =>
    post({
      type: 'error',
      failure: err instanceof Failure ? err.failure : 'other',
      detail: err instanceof Error ? err.message : String(err),
    }),
  );
};
