/**
 * The page's typed handle on the model worker: start it, give it inputs, read what a
 * trace computed. Every call is asynchronous; the page never runs the network itself.
 *
 * The newest input wins: a trace of an older input is never handed to the page, and a
 * read of a replaced trace fails with `StaleTrace`. Each trace's reads are cached here
 * (`ReadCache`), so stepping through what is computed never asks the worker twice.
 */
import { ReadCache } from './readCache';
import { StaleTrace, type TraceReader, type TraceSummary } from '../explain/stepper/traceTypes';
import { StepList } from '../explain/stepper/steps';
import type { InputSource } from '../explain/stepper/inputs';
import type { BackendName, PlainTensor } from '../model/types';
import type {
  MemoryStats,
  ModelEvent,
  ModelRequest,
  RangeValue,
  RememberedChoice,
  TracedMessage,
  WeightsFile,
} from './modelMessages';
import type { ForwardTiming } from '../model/timing';
import type { LesionTable } from './lesionRunner';
import type { ArchId } from '../model/variants';

export interface StartOptions {
  readonly backend: BackendName | 'auto';
  readonly modelUrl: string;
  readonly arch: ArchId;
  readonly size: number;
  readonly remembered?: RememberedChoice;
  readonly pageWithoutWebGPU?: boolean;
}

/** What the client tells its subscribers: the worker's own events, traces of the newest input, its progress. */
export type ClientEvent =
  | Extract<ModelEvent, { type: 'backend' | 'weightsProgress' | 'ready' | 'deviceLost' | 'failed' }>
  | { readonly type: 'trace'; readonly trace: RemoteTrace }
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly path: string }
  | { readonly type: 'traceFailed'; readonly message: string }
  | { readonly type: 'downsized'; readonly from: number; readonly to: number; readonly reason: string };

/** One finished trace, as the page reads it; its tensors stay in the worker. */
export class RemoteTrace implements TraceReader {
  /** The worker's number for this trace. */
  readonly number: number;
  readonly summary: TraceSummary;
  readonly probabilities: readonly number[];
  /** The worker's tensors and bytes right after this trace. */
  readonly memory: MemoryStats;
  private readonly cache: ReadCache;
  private range: Promise<RangeValue> | undefined;

  constructor(
    private readonly client: ModelClient,
    msg: TracedMessage,
  ) {
    this.number = msg.trace;
    this.probabilities = msg.probabilities;
    this.memory = msg.memory;
    this.summary = { ...msg.result, steps: new StepList(msg.result.nodes), backend: msg.backend };
    const sizes = new Map(msg.result.nodes.map((n) => [n.path, n.shape.reduce((a, b) => a * b, 1) * 4]));
    this.cache = new ReadCache(
      (path) => client.call<PlainTensor>({ type: 'read', id: 0, trace: msg.trace, path }),
      (path) => sizes.get(path) ?? 0,
    );
  }

  read(path: string): Promise<PlainTensor> {
    return this.cache.read(path);
  }

  globalRange(): Promise<RangeValue> {
    this.range ??= this.client.call<RangeValue>({ type: 'globalRange', id: 0, trace: this.number });
    return this.range;
  }
}

type Pending = { resolve: (v: never) => void; reject: (e: unknown) => void };

export class ModelClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(e: ClientEvent) => void>();
  /** The newest `setInput`; older ones are stale. */
  private request = 0;
  private waiting: { request: number; resolve: (t: RemoteTrace) => void; reject: (e: unknown) => void } | undefined;
  private shown = 0;
  /** The lesion study's progress listeners, by request id. */
  private readonly lesionProgress = new Map<number, (done: number, total: number) => void>();

  constructor(start: StartOptions) {
    this.worker = new Worker(new URL('./modelWorker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<ModelEvent>) => this.receive(e.data);
    this.worker.onerror = (e) =>
      this.emit({ type: 'failed', message: e.message || 'the model worker could not start' });
    this.post({ type: 'start', ...start });
  }

  /** Listen to the worker; returns the function that stops listening. */
  subscribe(listener: (e: ClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Trace a new input. Resolves with its trace (also sent to subscribers); rejects with
   * `StaleTrace` once a newer input is given.
   */
  setInput(input: InputSource, size: number, removed?: string): Promise<RemoteTrace> {
    this.waiting?.reject(new StaleTrace());
    const request = ++this.request;
    this.post({ type: 'setInput', request, input, size, ...(removed ? { removed } : {}) });
    return new Promise((resolve, reject) => {
      this.waiting = { request, resolve, reject };
    });
  }

  /** The worker's `tf.memory()` now. */
  memory(): Promise<MemoryStats> {
    return this.call<MemoryStats>({ type: 'memory', id: 0 });
  }

  /** One forward pass of `arch` at `size` on the worker's backend, timed (ms per image). */
  timeVariant(arch: ArchId, size: number): Promise<ForwardTiming> {
    return this.call<ForwardTiming>({ type: 'timeVariant', id: 0, arch, size });
  }

  /**
   * Run on the person's own weights (`null`: the shipped ones again). Resolves once the worker
   * runs on them; rejects with the reason when they cannot be used (what ran before keeps running).
   */
  useWeights(files: readonly WeightsFile[] | null): Promise<void> {
    const transfer = files ? files.map((f) => f.bytes) : [];
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve: (() => resolve()) as (v: never) => void, reject });
      this.worker.postMessage({ type: 'useWeights', id, files } satisfies ModelRequest, transfer);
    });
  }

  /**
   * The lesion study on the network in use: intact and each residual block removed, on these
   * images (N × 784 gray bytes, handed over) and labels. `cancelLesion` stops it (it rejects).
   */
  lesion(
    images: Uint8Array,
    labels: Uint8Array,
    onProgress: (done: number, total: number) => void,
  ): Promise<LesionTable> {
    const id = this.nextId++;
    this.lesionProgress.set(id, onProgress);
    return new Promise<LesionTable>((resolve, reject) => {
      const done = () => this.lesionProgress.delete(id);
      this.pending.set(id, {
        resolve: ((v: LesionTable) => (done(), resolve(v))) as (v: never) => void,
        reject: (e) => (done(), reject(e)),
      });
      this.worker.postMessage({ type: 'lesion', id, images, labels } satisfies ModelRequest, [
        images.buffer,
        labels.buffer,
      ]);
    });
  }

  cancelLesion(): void {
    this.post({ type: 'cancelLesion' });
  }

  dispose(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new StaleTrace());
    this.pending.clear();
    this.waiting?.reject(new StaleTrace());
    this.waiting = undefined;
    this.listeners.clear();
  }

  /** Send a request that expects one answer (its `id` is filled in here). */
  call<T>(req: Extract<ModelRequest, { id: number }>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: never) => void, reject });
      this.post({ ...req, id });
    });
  }

  private post(m: ModelRequest): void {
    this.worker.postMessage(m);
  }

  private emit(e: ClientEvent): void {
    for (const l of this.listeners) l(e);
  }

  private receive(m: ModelEvent): void {
    switch (m.type) {
      case 'reply':
      case 'replyError': {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.type === 'reply') p?.resolve(m.value as never);
        else p?.reject(m.stale ? new StaleTrace() : new Error(m.message));
        return;
      }
      case 'lesionProgress':
        this.lesionProgress.get(m.id)?.(m.done, m.total);
        return;
      case 'progress':
        if (m.request === this.request) this.emit({ type: 'progress', done: m.done, total: m.total, path: m.path });
        return;
      case 'traced': {
        // an older input's trace, or one older than what is shown, never replaces a newer one
        if (m.request !== this.request || m.trace <= this.shown) return;
        this.shown = m.trace;
        const trace = new RemoteTrace(this, m);
        if (this.waiting?.request === m.request) this.waiting.resolve(trace);
        this.waiting = undefined;
        this.emit({ type: 'trace', trace });
        return;
      }
      case 'downsized':
        if (m.request === this.request) this.emit({ type: 'downsized', from: m.from, to: m.to, reason: m.reason });
        return;
      case 'traceFailed':
        // stale: a newer input, or the same input on the next backend, is on its way
        if (m.stale || m.request !== this.request) return;
        if (this.waiting?.request === m.request) this.waiting.reject(new Error(m.message));
        this.waiting = undefined;
        this.emit({ type: 'traceFailed', message: m.message });
        return;
      default:
        this.emit(m);
    }
  }
}
