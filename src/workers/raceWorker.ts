/**
 * A race worker: a doorway to one `RaceRuntime` (src/explain/race/runtime.ts). The page
 * starts one per backend it times; the fastest stays and trains, the others are terminated
 * (also when a probe runs past its limit, so it cannot slow the next one down).
 */
import { runLandscapeJob } from '../explain/landscape/job';
import { decodeRaceData } from '../explain/race/data';
import { ProbeError } from '../explain/race/probePolicy';
import { RaceRuntime } from '../explain/race/runtime';
import { browserBackendLoaders } from '../model/browserBackends';
import type { RaceMessage, RaceRequest } from './raceMessages';

function post(m: RaceMessage): void {
  self.postMessage(m);
}

function fail(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  post({ type: 'error', failure: e instanceof ProbeError ? e.failure : 'failed', message });
}

let runtime: RaceRuntime | undefined;
let landscapeCancelled = false;
/** Build for tests only: requests that throw, uncaught, as a failing worker would (e2e/lesion.spec.ts). */
const failNext = new Set<'lesion' | 'landscape'>();
/** Build for tests only: the worker closes itself at its next job, as one the browser killed would stop (e2e/race-silent.spec.ts). */
let silentNext = false;

self.onmessage = (e: MessageEvent<RaceRequest>) => {
  const m = e.data;
  if (__TEST_HOOK__ && (m.type === 'lesion' || m.type === 'landscape') && failNext.delete(m.type))
    throw new Error(`test hook: the race worker failed on ${m.type}`);
  if (__TEST_HOOK__ && silentNext && (m.type === 'start' || m.type === 'lesion' || m.type === 'landscape'))
    return self.close();
  switch (m.type) {
    case 'probe':
      runtime = new RaceRuntime(decodeRaceData(new Uint8Array(m.data)), browserBackendLoaders);
      post({ type: 'probe-step' });
      runtime
        .probe(m.backend, () => post({ type: 'probe-step' }))
        .then((speed) => post({ type: 'probed', backend: m.backend, speed }), fail);
      break;
    case 'start':
      runtime
        ?.race(m.config, (records) => post({ type: 'step', run: m.run, records }))
        .then(async (end) => {
          // the trained networks go to the page too: a fresh worker can take over if this one stops answering
          if (end === 'done') post({ type: 'done', run: m.run, trained: await runtime!.snapshot() });
          else post({ type: 'stopped', run: m.run });
        })
        .catch(fail);
      break;
    case 'pause':
      runtime?.pause();
      break;
    case 'resume':
      runtime?.resume();
      break;
    case 'stop':
      landscapeCancelled = true;
      void runtime?.stop();
      break;
    case 'weights':
      runtime?.weights().then((nets) => post({ type: 'weights', nets }), fail);
      break;
    case 'lesion':
      // a failure here is the study's, not the race's: the page keeps the finished race
      (runtime
        ? runtime.lesion((done, total) => post({ type: 'lesion-progress', done, total }))
        : Promise.reject(new Error('no race has run in this worker'))
      ).then(
        (results) => post({ type: 'lesion', results }),
        (e: unknown) => post({ type: 'lesion-error', message: e instanceof Error ? e.message : String(e) }),
      );
      break;
    case 'landscape':
      landscapeCancelled = false;
      void runLandscapeJob(runtime?.trainedNetworks(), m, post, () => landscapeCancelled);
      break;
    case 'landscape-cancel':
      landscapeCancelled = true;
      break;
    case 'restore':
      runtime = new RaceRuntime(decodeRaceData(new Uint8Array(m.data)), browserBackendLoaders);
      runtime.restore(m.backend, m.config, m.nets).then(
        () => post({ type: 'restored' }),
        (e: unknown) => post({ type: 'restore-error', message: e instanceof Error ? e.message : String(e) }),
      );
      break;
    case 'test-silent-next':
      if (__TEST_HOOK__) silentNext = true;
      break;
    case 'test-fail-next':
      if (__TEST_HOOK__) ['lesion', 'landscape'].forEach((t) => failNext.add(t as 'lesion' | 'landscape'));
      break;
  }
};
