/**
 * The ResNet-18 in a Web Worker, so a trace never blocks the page. This file only turns the
 * page's messages into calls on one `ModelRuntime` (src/workers/modelRuntime.ts), which
 * chooses the backend, loads the weights, owns the current trace and moves to the next
 * backend when the GPU device is lost.
 *
 * In the build for tests (`__TEST_HOOK__`), the test hook's counters and faults are wired
 * in too; the shipped build contains none of it.
 */
import { StaleTrace } from '../explain/stepper/traceTypes';
import { browserBackendLoaders, watchGpuDeviceLoss } from '../model/browserBackends';
import { timeVariant } from '../model/timing';
import { archSpec } from '../model/variants';
import { probeAdapters } from './adapters';
import type { ModelEvent, ModelRequest } from './modelMessages';
import { ModelRuntime, type WeightsSupply } from './modelRuntime';
import { browserWeights } from './weightsSupply';
import { WorkerTestHook } from './workerTestHook';
import { cancelLesion, runLesion } from './lesionRunner';

// tfjs's threaded WASM caps its thread pool at half of navigator.hardwareConcurrency (it assumes
// two hardware threads per core), so a 2-core school laptop would get one thread. In this worker,
// and only here, report twice the logical cores: the pool then gets every core (at most 8).
const logicalCores = navigator.hardwareConcurrency || 1;
Object.defineProperty(navigator, 'hardwareConcurrency', { configurable: true, get: () => logicalCores * 2 });

function post(m: ModelEvent, transfer: Transferable[] = []): void {
  self.postMessage(m, { transfer });
}

const testHook = __TEST_HOOK__ ? new WorkerTestHook() : undefined;

/** Set by `start`: the weights of the variant the page asked for. */
let weights: WeightsSupply | undefined;
const runtime = new ModelRuntime({
  loaders: testHook ? testHook.countStarts(browserBackendLoaders) : browserBackendLoaders,
  probeAdapters,
  post,
  watchDeviceLoss: watchGpuDeviceLoss,
  weights: {
    trainedSize: () => weights!.trainedSize(),
    shipped: () => weights!.shipped(),
    fromFiles: (files) => weights!.fromFiles(files),
  },
  wasmThreads: async () => (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount(),
  ...(testHook ? { observer: testHook } : {}),
});

function reply<T>(id: number, work: () => Promise<T>, transfer: (v: T) => Transferable[] = () => []): void {
  work().then(
    (value) =>
      post({ type: 'reply', id, value: value as Extract<ModelEvent, { type: 'reply' }>['value'] }, transfer(value)),
    (e: unknown) =>
      post({
        type: 'replyError',
        id,
        stale: e instanceof StaleTrace,
        message: e instanceof Error ? e.message : String(e),
      }),
  );
}

self.onmessage = (e: MessageEvent<ModelRequest>) => {
  const m = e.data;
  switch (m.type) {
    case 'start': {
      const supply = browserWeights(m.modelUrl, m.arch, (fraction) => post({ type: 'weightsProgress', fraction }));
      weights = supply;
      // the download runs while the backends race: a cold start waits for the slower of the two
      supply.prefetch();
      void runtime.start(m).catch(() => undefined); // the page has been told
      break;
    }
    case 'setInput':
      void runtime.trace(m.request, m.input, m.size, m.removed);
      break;
    case 'read':
      reply(
        m.id,
        () => runtime.read(m.trace, m.path),
        (t) => [t.data.buffer],
      );
      break;
    case 'globalRange':
      reply(m.id, () => runtime.globalRange(m.trace));
      break;
    case 'memory':
      reply(m.id, async () => runtime.memory());
      break;
    case 'timeVariant':
      reply(m.id, async () => {
        await runtime.whenReady();
        return timeVariant(archSpec(m.arch), m.size);
      });
      break;
    case 'useWeights':
      reply(m.id, () => runtime.useWeights(m.files));
      break;
    case 'lesion':
      reply(m.id, async () =>
        runLesion(await runtime.network(), m, (done, total) => post({ type: 'lesionProgress', id: m.id, done, total })),
      );
      break;
    case 'cancelLesion':
      cancelLesion();
      break;
    default:
      // the build for tests only: the shipped build has no such message
      if (__TEST_HOOK__ && testHook && m.type === 'testHook') reply(m.id, async () => testHook.act(m.action, runtime));
  }
};
