/**
 * The depth experiment in a Web Worker, so training never blocks the page. It runs on the
 * page's measured choice (src/model/backendPolicy.ts: WebAssembly here, where dense networks
 * train fast; never a GPU backend the page did not choose), runs the experiment once and
 * reports as it goes. The page ends a run by terminating the worker.
 */
import { runExperiment } from '../explain/functionClasses/experiment';
import { selectBackend } from '../model/backend';
import { followChoice } from '../model/backendPolicy';
import { yieldToPage } from '../model/planRunner';
import type { BackendName } from '../model/types';
import { browserBackendLoaders } from '../model/browserBackends';
import type { ExperimentMessage, RunRequest } from './experimentMessages';

/** WebGL needs a canvas: not started here. */
const WORKER_BACKENDS: readonly BackendName[] = ['webgpu', 'wasm', 'cpu'];

function post(m: ExperimentMessage): void {
  self.postMessage(m);
}

async function run(req: RunRequest): Promise<void> {
  const { order, software } = followChoice(req.choice, WORKER_BACKENDS);
  const loaders = Object.fromEntries(order.map((b) => [b, browserBackendLoaders[b]]));
  const choice = await selectBackend(loaders, order[0]);
  post({ type: 'backend', choice, software: software && choice.name === order[0] });
  const result = await runExperiment(req.config, {
    onProgress: (progress) => post({ type: 'progress', progress }),
    yieldToPage,
  });
  post({ type: 'done', result });
}

self.onmessage = (e: MessageEvent<RunRequest>) => {
  if (e.data.type !== 'run') return;
  run(e.data).catch((err: unknown) =>
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
