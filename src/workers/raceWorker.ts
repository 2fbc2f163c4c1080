/**
 * The race in a Web Worker, so training never blocks the page. It picks the backend by
 * measurement (WebGPU, WebGL and CPU each train a probe network; the fastest wins; WASM
 * cannot train convolutions), takes the budget of that backend, and races, reporting
 * every step. Pause and resume are messages; the page ends a race by terminating the worker.
 */
import { decodeRaceData } from '../explain/race/data';
import { chooseByMeasurement } from '../explain/race/measure';
import { runRace } from '../explain/race/race';
import { raceConfigFor } from '../explain/race/setup';
import { browserBackendLoaders } from '../model/browserBackends';
import type { BackendName } from '../model/types';
import type { RaceMessage, RaceRequest } from './raceMessages';

const TRAINING_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

function post(m: RaceMessage): void {
  self.postMessage(m);
}

let paused = false;
let resume: (() => void) | undefined;

/**
 * Between steps: let pending messages in (on the CPU backend a step never waits for a task,
 * so a pause would not be read until later), then wait while paused.
 */
async function whenRunning(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  while (paused) await new Promise<void>((r) => (resume = r));
}

async function start(req: Extract<RaceRequest, { type: 'start' }>): Promise<void> {
  const data = decodeRaceData(new Uint8Array(req.data));
  post({ type: 'measuring' });
  const candidates =
    req.backend !== 'auto' && TRAINING_BACKENDS.includes(req.backend) ? [req.backend] : TRAINING_BACKENDS;
  const { chosen, measurements } = await chooseByMeasurement(candidates, browserBackendLoaders, data.train);
  post({ type: 'backend', name: chosen, measurements });
  const config = raceConfigFor(chosen, req.choice);
  post({ type: 'config', config });
  await runRace(config, data, {
    onStep: (records) => post({ type: 'step', records }),
    whenRunning,
  });
  post({ type: 'done' });
}

self.onmessage = (e: MessageEvent<RaceRequest>) => {
  const m = e.data;
  if (m.type === 'pause') paused = true;
  else if (m.type === 'resume') {
    paused = false;
    resume?.();
    resume = undefined;
  } else if (m.type === 'start')
    start(m).catch((err: unknown) =>
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
};
