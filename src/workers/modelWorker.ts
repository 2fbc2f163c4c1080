/**
 * The ResNet-18 in a Web Worker, so a trace never blocks the page. The worker chooses
 * its backend (by measurement, from a remembered measurement, or as the link asks),
 * loads the weights, owns the current trace and its tensors, and answers reads with
 * arrays it hands over (transferred, not copied). When the GPU device is lost it moves
 * to the next backend and traces the current input again there.
 *
 * The test hook's actions (lose the device, slow every operation, fail the next
 * allocation) run only when the page's `window.__resnetTestHook` asks for them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { StaleTrace, StepperSession } from '../explain/stepper/StepperSession';
import { inputTensor, type InputSource } from '../explain/stepper/inputs';
import { backendOrder, selectBackend, type BackendLoader } from '../model/backend';
import { raceBackends, type BackendTiming } from '../model/backendRace';
import { racePlan } from '../model/backendPolicy';
import { browserBackendLoaders, watchGpuDeviceLoss } from '../model/browserBackends';
import { networkFromFiles } from '../model/fileWeights';
import { fetchShippedWeights, loadNetworkFromUrl } from '../model/loadNetwork';
import type { ResNet } from '../model/network';
import { shippedModel } from '../model/shipped';
import { timeVariant } from '../model/timing';
import { archSpec, RESNET18, type ArchId } from '../model/variants';
import type { WeightFiles } from '../model/weights';
import { BACKEND_ORDER, type BackendName } from '../model/types';
import { probeAdapters, type AdapterInfo } from './adapters';
import { afterOp, countStarts, hook, isOutOfMemory } from './workerTestHook';
import { cancelLesion, runLesion } from './lesionRunner';
import type { HookStats, ModelEvent, ModelRequest, RuntimeBackend, TestHookAction, WeightsFile } from './modelMessages';

/** The race's order: WASM first gives a baseline the others must beat. */
const RACE_ORDER: readonly BackendName[] = ['wasm', 'webgpu', 'webgl', 'cpu'];
/** The smallest input the page allows: an allocation failure retries down to it. */
const MIN_TRACE_SIZE = 32;
/** Progress messages at most this often, so the page renders a bar, not every operation. */
const PROGRESS_EVERY_MS = 50;

let loaders: Partial<Record<BackendName, BackendLoader>> = countStarts(browserBackendLoaders);

// tfjs's threaded WASM caps its thread pool at half of navigator.hardwareConcurrency (it assumes
// two hardware threads per core), so a 2-core school laptop would get one thread. In this worker,
// and only here, report twice the logical cores: the pool then gets every core (at most 8).
const logicalCores = navigator.hardwareConcurrency || 1;
Object.defineProperty(navigator, 'hardwareConcurrency', { configurable: true, get: () => logicalCores * 2 });

let modelUrl = '';
/**
 * The shipped weights' files, fetched from the start, while the backends race (they need
 * no backend); kept to rebuild the network after a lost device without downloading again.
 */
let shipped: Promise<WeightFiles> | undefined;
let arch: ArchId = RESNET18.id;
/** The person's own weights, while they use them (kept to rebuild the network after a lost device). */
let userFiles: readonly WeightsFile[] | null = null;
/** The backend whose device loss is watched. */
let watched: object | undefined;
let adapters: AdapterInfo | undefined;
/** Backends to fall back to, best first. */
let ranking: BackendName[] = [...BACKEND_ORDER];
const lost: BackendName[] = [];
let runtime: RuntimeBackend | undefined;
let session: StepperSession | undefined;
let net: ResNet | undefined;
/** Settles when a network is ready (replaced when the worker moves to another backend). */
let ready: Promise<void> = new Promise(() => undefined);
/** The newest input asked for; traced again after a lost device. */
let latest: { request: number; input: InputSource; size: number; removed?: string } | undefined;
let traceCount = 0;
/** The trace whose tensors the session holds now (reads of any other are stale). */
let current = 0;

function post(m: ModelEvent, transfer: Transferable[] = []): void {
  self.postMessage(m, { transfer });
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function memory() {
  const m = tf.memory();
  return { tensors: m.numTensors, bytes: m.numBytes };
}

/** The weights' training size, the page's default input size. */
async function trainedSize(): Promise<number> {
  try {
    const size = shippedModel(arch)
      ? (await shippedFiles()).model.userDefinedMetadata['inputSize']
      : ((await (await fetch(modelUrl)).json()) as { userDefinedMetadata?: { inputSize?: unknown } })
          .userDefinedMetadata?.inputSize;
    return typeof size === 'number' ? size : 64;
  } catch {
    return 64;
  }
}

function isSoftware(name: BackendName): boolean {
  return (name === 'webgpu' && !!adapters?.webgpu?.software) || (name === 'webgl' && !!adapters?.webgl?.software);
}

/** Fastest measured first, then the unmeasured in the usual order. */
function rankByTimings(timings: readonly BackendTiming[]): BackendName[] {
  const measured = timings
    .filter((t) => t.ms !== undefined || t.stoppedAfterMs !== undefined)
    .sort((a, b) => (a.ms ?? a.stoppedAfterMs ?? 0) - (b.ms ?? b.stoppedAfterMs ?? 0))
    .map((t) => t.name);
  return [...measured, ...BACKEND_ORDER.filter((b) => !measured.includes(b))];
}

async function announce(b: Omit<RuntimeBackend, 'software' | 'adapterKey' | 'threads'>): Promise<void> {
  let threads: number | undefined;
  if (b.name === 'wasm') threads = (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount();
  runtime = {
    ...b,
    software: isSoftware(b.name),
    adapterKey: adapters?.key ?? '',
    ...(threads !== undefined ? { threads } : {}),
  };
  post({ type: 'backend', backend: runtime });
}

async function chooseBackend(req: Extract<ModelRequest, { type: 'start' }>): Promise<void> {
  if (req.pageWithoutWebGPU) {
    loaders = {
      ...loaders,
      webgpu: () => Promise.reject(new Error('this browser has no WebGPU (navigator.gpu is missing)')),
    };
  }
  adapters = await probeAdapters();
  if (req.backend !== 'auto') {
    const choice = await selectBackend(loaders, req.backend);
    ranking = backendOrder(req.backend);
    return announce({ name: choice.name, reason: 'requested', requested: req.backend, attempts: choice.attempts });
  }
  const remembered = req.remembered?.key === adapters.key ? req.remembered : undefined;
  if (remembered) {
    try {
      const choice = await selectBackend({ [remembered.name]: loaders[remembered.name] }, remembered.name);
      ranking = rankByTimings(remembered.timings);
      return announce({
        name: choice.name,
        reason: 'remembered',
        attempts: [],
        timings: remembered.timings,
        raceSize: remembered.size,
      });
    } catch {
      // it no longer starts: measure again
    }
  }
  const software: Partial<Record<BackendName, boolean>> = {
    webgpu: !!adapters.webgpu?.software,
    webgl: !!adapters.webgl?.software,
  };
  const size = req.size || (await trainedSize());
  // a software adapter is never started here: it would delay the first trace, or every trace after it
  const plan = racePlan(RACE_ORDER, software);
  const race = await raceBackends(loaders, plan.timed, { size, software });
  ranking = rankByTimings(race.timings);
  return announce({
    name: race.winner,
    reason: 'measured',
    attempts: [],
    timings: race.timings,
    raceSize: size,
    ...(plan.notTimed.length > 0 ? { notTimed: plan.notTimed } : {}),
  });
}

async function loadNet(): Promise<void> {
  if (userFiles) {
    const files = userFiles;
    const built = await networkFromFiles(
      files.map((f) => ({
        name: f.name,
        text: () => Promise.resolve(new TextDecoder().decode(f.bytes)),
        bytes: () => Promise.resolve(f.bytes),
      })),
    );
    return runOn(built, {});
  }
  const loaded = await loadNetworkFromUrl(modelUrl, undefined, archSpec(arch), shippedFiles());
  runOn(loaded.net, {
    ...(loaded.problem ? { problem: loaded.problem } : {}),
    ...(loaded.unverified ? { unverified: true } : {}),
  });
}

/** The shipped weights' files: one download per worker, started on first use. */
function shippedFiles(): Promise<WeightFiles> {
  if (!shipped) {
    const files = fetchShippedWeights(modelUrl, (fraction) => post({ type: 'weightsProgress', fraction }));
    // a failed download (school wifi) is tried again the next time the network is built
    files.catch(() => {
      if (shipped === files) shipped = undefined;
    });
    shipped = files;
  }
  return shipped;
}

/** Make `next` the network every trace runs on, dropping the previous one and its trace. */
function runOn(next: ResNet, notes: Pick<Extract<ModelEvent, { type: 'ready' }>, 'problem' | 'unverified'>): void {
  session?.dispose();
  net?.dispose();
  net = next;
  session = new StepperSession(next);
  post({ type: 'ready', source: next.source, arch: next.arch.id, ...notes });
  // one watch per backend instance: a network swapped on the same device must not add a second
  if (tf.backend() !== watched) {
    watched = tf.backend();
    watchGpuDeviceLoss(onDeviceLost);
  }
}

/** The person's own weights (or the shipped ones again): build, switch, trace the current input again. */
async function switchWeights(files: readonly WeightsFile[] | null): Promise<null> {
  await ready;
  const previous = userFiles;
  userFiles = files;
  try {
    await loadNet();
  } catch (e) {
    userFiles = previous; // the chosen files cannot be used: keep what runs
    throw e;
  }
  traceLatestAgain();
  return null;
}

/** The device is gone: drop what lived on it, start the next backend, trace the current input there. */
function onDeviceLost(reason: string): void {
  const was = tf.getBackend() as BackendName;
  lost.push(was);
  post({ type: 'deviceLost', reason });
  session?.dispose();
  try {
    net?.dispose();
  } catch {
    // its buffers went with the device
  }
  session = undefined;
  net = undefined;
  const order = ranking.filter((b) => !lost.includes(b));
  ready = (async () => {
    const choice = await selectBackend(Object.fromEntries(order.map((b) => [b, loaders[b]])), order[0]);
    await announce({ name: choice.name, reason: 'deviceLost', attempts: choice.attempts });
    await loadNet();
  })();
  ready.catch((e: unknown) => post({ type: 'failed', message: message(e) }));
  traceLatestAgain();
}

/** The newest input, traced again (on a new network or backend). */
function traceLatestAgain(): void {
  if (latest) void trace(latest.request, latest.input, latest.size, latest.removed);
}

async function trace(request: number, input: InputSource, size: number, removed?: string): Promise<void> {
  latest = { request, input, size, ...(removed ? { removed } : {}) };
  try {
    await ready;
  } catch {
    return; // the worker could not start; the page has been told
  }
  // a newer input arrived while this one waited: it is never computed
  if (latest.request !== request || !session) {
    post({ type: 'traceFailed', request, stale: true, message: 'superseded' });
    return;
  }
  const number = ++traceCount;
  const s = session;
  const backend = tf.getBackend() as BackendName;
  let lastProgress = 0;
  hook.tracesStarted++;
  try {
    const result = await s.setInput(
      inputTensor(input, size),
      (done, total, path) => {
        afterOp(done, total);
        const now = performance.now();
        if (now - lastProgress >= PROGRESS_EVERY_MS || done === total) {
          lastProgress = now;
          post({ type: 'progress', request, done, total, path });
        }
      },
      removed,
    );
    const probabilities = await s.probabilities();
    if (number !== traceCount || s !== session) throw new StaleTrace();
    current = number;
    hook.traces++;
    hook.lastTraced = `${input.kind === 'rand' ? `rand:${input.seed}` : `gray ${input.image.width}×${input.image.height}`} @ ${size}`;
    post({ type: 'traced', request, trace: number, result, backend, probabilities, memory: memory() });
  } catch (e) {
    const stale = e instanceof StaleTrace || number !== traceCount || s !== session;
    if (!stale && isOutOfMemory(e) && size > MIN_TRACE_SIZE) {
      // the device could not hold this size: carry on at half of it, and say so
      const smaller = Math.max(MIN_TRACE_SIZE, Math.round(size / 2));
      post({ type: 'downsized', request, from: size, to: smaller, reason: message(e) });
      return trace(request, input, smaller, removed);
    }
    post({ type: 'traceFailed', request, stale, message: message(e) });
  }
}

async function testHook(action: TestHookAction): Promise<HookStats> {
  switch (action.kind) {
    case 'loseDevice': {
      if (tf.getBackend() !== 'webgpu') throw new Error(`no GPU device to lose: the worker runs on ${tf.getBackend()}`);
      (tf.backend() as unknown as { device: { destroy(): void } }).device.destroy();
      break;
    }
    case 'slowOps':
      hook.slowOpsMs = action.ms;
      break;
    case 'failNextAllocation':
      hook.failNextAllocation = true;
      break;
    case 'stats':
      break;
  }
  return {
    traces: hook.traces,
    tracesStarted: hook.tracesStarted,
    tracesComputed: hook.tracesComputed,
    reads: hook.reads,
    ...(hook.lastTraced ? { lastTraced: hook.lastTraced } : {}),
    memory: memory(),
    ...(runtime ? { backend: runtime.name } : {}),
    backendsStarted: [...hook.backendsStarted],
  };
}

function reply<T>(id: number, work: () => Promise<T>, transfer: (v: T) => Transferable[] = () => []): void {
  work().then(
    (value) =>
      post({ type: 'reply', id, value: value as Extract<ModelEvent, { type: 'reply' }>['value'] }, transfer(value)),
    (e: unknown) => post({ type: 'replyError', id, stale: e instanceof StaleTrace, message: message(e) }),
  );
}

self.onmessage = (e: MessageEvent<ModelRequest>) => {
  const m = e.data;
  switch (m.type) {
    case 'start':
      modelUrl = m.modelUrl;
      arch = m.arch;
      // the download runs while the backends race: a cold start waits for the slower of the two
      if (shippedModel(arch)) void shippedFiles();
      ready = chooseBackend(m).then(loadNet);
      ready.catch((err: unknown) => post({ type: 'failed', message: message(err) }));
      break;
    case 'setInput':
      void trace(m.request, m.input, m.size, m.removed);
      break;
    case 'read':
      reply(
        m.id,
        async () => {
          if (m.trace !== current || !session) throw new StaleTrace();
          const t = await session.read(m.path);
          hook.reads++;
          // (N, F) arrays may be the backend's own storage: hand over a copy of those small ones
          return t.shape.length === 4 ? t : { shape: t.shape, data: t.data.slice() };
        },
        (t) => [t.data.buffer],
      );
      break;
    case 'globalRange':
      reply(m.id, async () => {
        if (m.trace !== current || !session) throw new StaleTrace();
        return session.globalRange();
      });
      break;
    case 'memory':
      reply(m.id, async () => memory());
      break;
    case 'timeVariant':
      reply(m.id, async () => {
        await ready;
        return timeVariant(archSpec(m.arch), m.size);
      });
      break;
    case 'useWeights':
      reply(m.id, () => switchWeights(m.files));
      break;
    case 'testHook':
      reply(m.id, () => testHook(m.action));
      break;
    case 'lesion':
      reply(m.id, async () => {
        await ready;
        if (!net) throw new Error('the network is not ready');
        return runLesion(net, m, (done, total) => post({ type: 'lesionProgress', id: m.id, done, total }));
      });
      break;
    case 'cancelLesion':
      cancelLesion();
      break;
  }
};
