/**
 * The model worker's state in one object: the backend it runs on and the order to fall back
 * in, the network and its weights, the current trace and its tensors, and the newest input
 * (traced again after a lost device or new weights). The worker file only turns messages
 * into calls on it; tests drive it in Node with stand-in backends and weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import { StaleTrace } from '../explain/stepper/traceTypes';
import { StepperSession } from './stepperSession';
import { inputTensor, type InputSource } from '../explain/stepper/inputs';
import { selectBackend, type BackendLoader } from '../model/backend';
import { BACKEND_ORDER, type BackendName, type PlainTensor } from '../model/types';
import { chooseBackend, retrySize, type BackendRequest } from '../model/backendPolicy';
import type { LoadedNetwork } from '../model/loadNetwork';
import type { ResNet } from '../model/network';
import type { AdapterInfo } from './adapters';
import type { MemoryStats, ModelEvent, RuntimeBackend, WeightsFile } from './modelMessages';

/** Progress messages at most this often, so the page renders a bar, not every operation. */
const PROGRESS_EVERY_MS = 50;

/** Where the network's weights come from (the shipped download, or the person's own files). */
export interface WeightsSupply {
  /** The weights' training size, the page's default input size. */
  trainedSize(): Promise<number>;
  /** The shipped (or untrained) network of the variant asked for. */
  shipped(): Promise<LoadedNetwork>;
  /** A network from the person's own files; throws a person's message when they cannot be used. */
  fromFiles(files: readonly WeightsFile[]): Promise<ResNet>;
}

/** Watches the runtime's traces (the e2e build's test hook); production passes none. */
export interface TraceObserver {
  traceStarted(): void;
  /** After each operation of a trace; may throw, as a failed allocation would. */
  afterOp(done: number, total: number): void;
  traced(input: InputSource, size: number): void;
  read(): void;
}

export interface RuntimeDeps {
  readonly loaders: Partial<Record<BackendName, BackendLoader>>;
  readonly probeAdapters: () => Promise<AdapterInfo>;
  readonly post: (m: ModelEvent, transfer?: Transferable[]) => void;
  /** Call `onLost` when tfjs's current backend loses its device. */
  readonly watchDeviceLoss: (onLost: (reason: string) => void) => void;
  readonly weights: WeightsSupply;
  /** WebAssembly's thread count, asked for once it runs. */
  readonly wasmThreads?: () => Promise<number>;
  readonly observer?: TraceObserver;
}

/** What the page says when it starts the worker. */
export interface StartRequest extends BackendRequest {
  /** The page has no `navigator.gpu`: the worker does not try WebGPU either. */
  readonly pageWithoutWebGPU?: boolean;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class ModelRuntime {
  private loaders: Partial<Record<BackendName, BackendLoader>>;
  private adapters: AdapterInfo | undefined;
  /** Backends to fall back to, best first. */
  private ranking: readonly BackendName[] = [...BACKEND_ORDER];
  private readonly lost: BackendName[] = [];
  /** The backend whose device loss is watched. */
  private watched: object | undefined;
  private userFiles: readonly WeightsFile[] | null = null;
  private net: ResNet | undefined;
  private session: StepperSession | undefined;
  /** Settles when a network is ready (replaced when the worker moves to another backend). */
  private ready: Promise<void> = new Promise(() => undefined);
  /** The newest input asked for; traced again after a lost device. */
  private latest: { request: number; input: InputSource; size: number; removed?: string } | undefined;
  private traceCount = 0;
  /** The trace whose tensors the session holds now (reads of any other are stale). */
  private current = 0;
  /** The backend the worker runs on, as last announced. */
  backend: RuntimeBackend | undefined;

  constructor(private readonly deps: RuntimeDeps) {
    this.loaders = deps.loaders;
  }

  /** Choose a backend, then build the network on it; the page hears of each step. */
  start(req: StartRequest): Promise<void> {
    if (req.pageWithoutWebGPU) {
      this.loaders = {
        ...this.loaders,
        webgpu: () => Promise.reject(new Error('this browser has no WebGPU (navigator.gpu is missing)')),
      };
    }
    this.ready = this.choose(req).then(() => this.loadNet());
    this.ready.catch((e: unknown) => this.deps.post({ type: 'failed', message: message(e) }));
    return this.ready;
  }

  /**
   * Trace `input` at `size` (with the residual block `removed` stepped through removed, if
   * given); a newer input supersedes it; out of memory retries at half the size.
   */
  async trace(request: number, input: InputSource, size: number, removed?: string): Promise<void> {
    const { post, observer } = this.deps;
    this.latest = { request, input, size, ...(removed ? { removed } : {}) };
    try {
      await this.ready;
    } catch {
      return; // the worker could not start; the page has been told
    }
    // a newer input arrived while this one waited: it is never computed
    if (this.latest.request !== request || !this.session) {
      post({ type: 'traceFailed', request, stale: true, message: 'superseded' });
      return;
    }
    const number = ++this.traceCount;
    const s = this.session;
    const backend = tf.getBackend() as BackendName;
    let lastProgress = 0;
    observer?.traceStarted();
    try {
      const result = await s.setInput(
        inputTensor(input, size),
        (done, total, path) => {
          observer?.afterOp(done, total);
          const now = performance.now();
          if (now - lastProgress >= PROGRESS_EVERY_MS || done === total) {
            lastProgress = now;
            post({ type: 'progress', request, done, total, path });
          }
        },
        removed,
      );
      const probabilities = await s.probabilities();
      if (number !== this.traceCount || s !== this.session) throw new StaleTrace();
      this.current = number;
      observer?.traced(input, size);
      post({ type: 'traced', request, trace: number, result, backend, probabilities, memory: this.memory() });
    } catch (e) {
      const stale = e instanceof StaleTrace || number !== this.traceCount || s !== this.session;
      const smaller = stale ? undefined : retrySize(e, size);
      if (smaller !== undefined) {
        // the device could not hold this size: carry on at half of it, and say so
        post({ type: 'downsized', request, from: size, to: smaller, reason: message(e) });
        return this.trace(request, input, smaller, removed);
      }
      post({ type: 'traceFailed', request, stale, message: message(e) });
    }
  }

  /** One node of trace `trace`, in (N, C, H, W) order; stale when a newer trace replaced it. */
  async read(trace: number, path: string): Promise<PlainTensor> {
    if (trace !== this.current || !this.session) throw new StaleTrace();
    const t = await this.session.read(path);
    this.deps.observer?.read();
    // (N, F) arrays may be the backend's own storage: hand over a copy of those small ones
    return t.shape.length === 4 ? t : { shape: t.shape, data: t.data.slice() };
  }

  globalRange(trace: number): Promise<{ min: number; max: number }> {
    if (trace !== this.current || !this.session) return Promise.reject(new StaleTrace());
    return this.session.globalRange();
  }

  memory(): MemoryStats {
    const m = tf.memory();
    return { tensors: m.numTensors, bytes: m.numBytes };
  }

  /** The network in use, once it runs (the lesion study runs it on a batch of images). */
  async network(): Promise<ResNet> {
    await this.ready;
    if (!this.net) throw new Error('the network is not ready');
    return this.net;
  }

  /** Resolves once a network runs (or rejects: the worker could not start). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** The person's own weights (or the shipped ones again): build, switch, trace the current input again. */
  async useWeights(files: readonly WeightsFile[] | null): Promise<null> {
    await this.ready;
    const previous = this.userFiles;
    this.userFiles = files;
    try {
      await this.loadNet();
    } catch (e) {
      this.userFiles = previous; // the chosen files cannot be used: keep what runs
      throw e;
    }
    this.traceLatestAgain();
    return null;
  }

  /** The device is gone: drop what lived on it, start the next backend, trace the current input there. */
  deviceLost(reason: string): void {
    this.lost.push(tf.getBackend() as BackendName);
    this.deps.post({ type: 'deviceLost', reason });
    this.session?.dispose();
    try {
      this.net?.dispose();
    } catch {
      // its buffers went with the device
    }
    this.session = undefined;
    this.net = undefined;
    const order = this.ranking.filter((b) => !this.lost.includes(b));
    this.ready = (async () => {
      const choice = await selectBackend(Object.fromEntries(order.map((b) => [b, this.loaders[b]])), order[0]);
      await this.announce({ name: choice.name, reason: 'deviceLost', attempts: choice.attempts });
      await this.loadNet();
    })();
    this.ready.catch((e: unknown) => this.deps.post({ type: 'failed', message: message(e) }));
    this.traceLatestAgain();
  }

  private async choose(req: StartRequest): Promise<void> {
    const adapters = await this.deps.probeAdapters();
    this.adapters = adapters;
    const software = { webgpu: !!adapters.webgpu?.software, webgl: !!adapters.webgl?.software };
    const { ranking, ...decision } = await chooseBackend(this.loaders, req, { key: adapters.key, software }, () =>
      this.deps.weights.trainedSize(),
    );
    this.ranking = ranking;
    await this.announce(decision);
  }

  private async announce(b: Omit<RuntimeBackend, 'software' | 'adapterKey' | 'threads'>): Promise<void> {
    const threads = b.name === 'wasm' ? await this.deps.wasmThreads?.() : undefined;
    const software =
      (b.name === 'webgpu' && !!this.adapters?.webgpu?.software) ||
      (b.name === 'webgl' && !!this.adapters?.webgl?.software);
    this.backend = {
      ...b,
      software,
      adapterKey: this.adapters?.key ?? '',
      ...(threads !== undefined ? { threads } : {}),
    };
    this.deps.post({ type: 'backend', backend: this.backend });
  }

  private async loadNet(): Promise<void> {
    if (this.userFiles) return this.runOn(await this.deps.weights.fromFiles(this.userFiles), {});
    const loaded = await this.deps.weights.shipped();
    this.runOn(loaded.net, {
      ...(loaded.problem ? { problem: loaded.problem } : {}),
      ...(loaded.unverified ? { unverified: true } : {}),
    });
  }

  /** Make `next` the network every trace runs on, dropping the previous one and its trace. */
  private runOn(next: ResNet, notes: Pick<Extract<ModelEvent, { type: 'ready' }>, 'problem' | 'unverified'>): void {
    this.session?.dispose();
    this.net?.dispose();
    this.net = next;
    this.session = new StepperSession(next);
    this.deps.post({ type: 'ready', source: next.source, arch: next.arch.id, ...notes });
    // one watch per backend instance: a network swapped on the same device must not add a second
    if (tf.backend() !== this.watched) {
      this.watched = tf.backend();
      this.deps.watchDeviceLoss((reason) => this.deviceLost(reason));
    }
  }

  /** The newest input, traced again (on a new network or backend). */
  private traceLatestAgain(): void {
    if (this.latest) void this.trace(this.latest.request, this.latest.input, this.latest.size, this.latest.removed);
  }
}
