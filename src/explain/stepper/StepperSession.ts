/**
 * The stepper's engine, free of React: it owns one trace at a time (the forward pass of
 * the current input), hands out the tensors a step needs as plain arrays, caches them so
 * stepping back and forth does not read the GPU again, and disposes everything it made.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  readNCHW,
  traceForwardStepwise,
  type NodeInfo,
  type PlainTensor,
  type ResNet18,
  type Trace,
} from '../../model';
import { StepList } from './steps';

/** What a new trace gives the page at once. */
export interface TraceSummary {
  readonly nodes: readonly NodeInfo[];
  readonly steps: StepList;
  /** Milliseconds to compute the forward pass and its probabilities. */
  readonly ms: number;
}

/** Cache bound: enough for every node at 64×64 and the largest few at 224×224. */
const CACHE_BYTES = 64 * 1024 * 1024;

export class StepperSession {
  private trace: Trace | undefined;
  private generation = 0;
  private readonly cache = new Map<string, Promise<PlainTensor>>();
  private cacheBytes = 0;
  private readonly sizes = new Map<string, number>();
  private probs: Promise<number[]> | undefined;
  private range: Promise<{ min: number; max: number }> | undefined;
  private abort: AbortController | undefined;

  constructor(
    private readonly net: ResNet18,
    private readonly cacheLimitBytes = CACHE_BYTES,
  ) {}

  /**
   * Trace a new input, replacing (and disposing) the previous trace. Takes ownership of `x`.
   * The pass runs one operation at a time, giving the page a turn in between, and reports
   * progress; a newer input cancels it. Resolves once the backend has finished computing.
   */
  async setInput(
    x: tf.Tensor4D,
    onProgress?: (done: number, total: number, path: string) => void,
  ): Promise<TraceSummary> {
    this.clear();
    const gen = this.generation;
    const abort = new AbortController();
    this.abort = abort;
    const start = performance.now();
    let trace: Trace;
    try {
      trace = await traceForwardStepwise(this.net, x, { signal: abort.signal, ...(onProgress ? { onProgress } : {}) });
    } catch (e) {
      throw gen !== this.generation ? new StaleTrace() : e;
    } finally {
      x.dispose();
    }
    if (gen !== this.generation) {
      trace.dispose();
      throw new StaleTrace();
    }
    this.trace = trace;
    const probs = trace.probabilities.data().then((d) => Array.from(d));
    this.probs = probs;
    try {
      await probs; // the backend has finished the whole pass
    } catch (e) {
      throw gen !== this.generation ? new StaleTrace() : e;
    }
    if (gen !== this.generation) throw new StaleTrace();
    const nodes = trace.nodes.map(({ tensor: _t, ...info }) => info);
    return { nodes, steps: new StepList(nodes), ms: performance.now() - start };
  }

  /** The output of one node in (N, C, H, W) order; cached. */
  read(path: string): Promise<PlainTensor> {
    // between inputs there is nothing to read: the caller is behind and will be re-rendered
    if (!this.trace) return Promise.reject(new StaleTrace());
    const trace = this.trace;
    const hit = this.cache.get(path);
    if (hit) {
      this.cache.delete(path); // re-insert: most recently used last
      this.cache.set(path, hit);
      return hit;
    }
    const gen = this.generation;
    const p = readNCHW(trace.get(path).tensor).then(
      (t) => {
        if (gen !== this.generation) throw new StaleTrace();
        return t;
      },
      (e: unknown) => {
        throw gen !== this.generation ? new StaleTrace() : e;
      },
    );
    const bytes = trace.get(path).tensor.size * 4;
    this.cache.set(path, p);
    this.sizes.set(path, bytes);
    this.cacheBytes += bytes;
    this.evict();
    return p;
  }

  /** Class probabilities of the current input. */
  probabilities(): Promise<number[]> {
    return this.probs ?? Promise.reject(new StaleTrace());
  }

  /** Smallest and largest value over every node of the trace (the "global" colour scale). */
  globalRange(): Promise<{ min: number; max: number }> {
    if (!this.trace) return Promise.reject(new StaleTrace());
    const trace = this.trace;
    this.range ??= (async () => {
      const both = tf.tidy(() => {
        const mins = tf.stack(trace.nodes.map((n) => tf.min(n.tensor)));
        const maxs = tf.stack(trace.nodes.map((n) => tf.max(n.tensor)));
        return tf.stack([tf.min(mins), tf.max(maxs)]);
      });
      try {
        const [min, max] = Array.from(await both.data());
        return { min: min as number, max: max as number };
      } finally {
        both.dispose();
      }
    })();
    return this.range;
  }

  get cachedPaths(): string[] {
    return [...this.cache.keys()];
  }

  get hasTrace(): boolean {
    return this.trace !== undefined;
  }

  /** Release the trace and the cache. The session can take a new input afterwards. */
  dispose(): void {
    this.clear();
  }

  private clear(): void {
    this.generation++;
    this.abort?.abort();
    this.abort = undefined;
    this.trace?.dispose();
    this.trace = undefined;
    this.probs = undefined;
    this.range = undefined;
    this.cache.clear();
    this.sizes.clear();
    this.cacheBytes = 0;
  }

  private evict(): void {
    for (const key of this.cache.keys()) {
      if (this.cacheBytes <= this.cacheLimitBytes || this.cache.size <= 1) break;
      this.cache.delete(key);
      this.cacheBytes -= this.sizes.get(key) ?? 0;
      this.sizes.delete(key);
    }
  }
}

/** A read or trace that finished after the input changed; the page ignores it. */
export class StaleTrace extends Error {
  override name = 'StaleTrace';
  constructor() {
    super('The input changed while this was computing');
  }
}
