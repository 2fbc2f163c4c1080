/**
 * The depth experiment in a Web Worker, so training never blocks the page. It starts
 * its own tfjs backend (WebGPU when there is one, else WASM, else CPU; WebGL needs a
 * canvas and is skipped here), runs the experiment once and reports as it goes. The
 * page ends a run by terminating the worker.
 */
import { runExperiment } from '../explain/functionClasses/experiment';
import { selectBackend, type BackendLoader } from '../model/backend';
import type { BackendName } from '../model/types';
import { browserBackendLoaders } from '../model/browserBackends';
import type { ExperimentMessage, RunRequest } from './experimentMessages';

const WORKER_BACKENDS: readonly BackendName[] = ['webgpu', 'wasm', 'cpu'];

function post(m: ExperimentMessage): void {
  self.postMessage(m);
}

async function run(req: RunRequest): Promise<void> {
  const loaders: Partial<Record<BackendName, BackendLoader>> = Object.fromEntries(
    WORKER_BACKENDS.map((b) => [b, browserBackendLoaders[b]]),
  );
  const requested = req.backend !== 'auto' && WORKER_BACKENDS.includes(req.backend) ? req.backend : undefined;
  const choice = await selectBackend(loaders, requested);
  post({ type: 'backend', choice });
  const result = await runExperiment(req.config, {
    onProgress: (progress) => post({ type: 'progress', progress }),
    yieldToPage: () => new Promise((resolve) => setTimeout(resolve, 0)),
  });
  post({ type: 'done', result });
}

self.onmessage = (e: MessageEvent<RunRequest>) => {
  if (e.data.type !== 'run') return;
  run(e.data).catch((err: unknown) =>
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
