/**
 * The stepper's engine, free of React: it owns one trace at a time (the forward pass of
 * the current input), hands out the tensors a step needs as plain arrays, and disposes
 * everything it made. It runs in the model worker (`modelRuntime.ts`); each read
 * is a fresh array that the worker hands over to the page, which keeps its own cache
 * (`ReadCache`), so stepping back and forth does not ask the worker again.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readNCHW, traceForwardStepwise, type PlainTensor, type ResNet, type Trace } from '../model';
import { StaleTrace, type TraceReader, type TraceResult } from '../explain/stepper/traceTypes';

export class StepperSession implements TraceReader {
  private trace: Trace | undefined;
  private generation = 0;
  private probs: Promise<number[]> | undefined;
  private range: Promise<{ min: number; max: number }> | undefined;
  private abort: AbortController | undefined;

  constructor(private readonly net: ResNet) {}

  /**
   * Trace a new input, replacing (and disposing) the previous trace. Takes ownership of `x`.
   * The pass runs one operation at a time, giving the page a turn in between, and reports
   * progress; a newer input cancels it. Resolves once the backend has finished computing.
   */
  async setInput(
    x: tf.Tensor4D,
    onProgress?: (done: number, total: number, path: string) => void,
    /** A residual block to step through removed (the lesion study's `b3.0`). */
    removed?: string,
  ): Promise<TraceResult> {
    this.clear();
    const gen = this.generation;
    const abort = new AbortController();
    this.abort = abort;
    const start = performance.now();
    let trace: Trace;
    try {
      trace = await traceForwardStepwise(this.net, x, {
        signal: abort.signal,
        ...(onProgress ? { onProgress } : {}),
        ...(removed ? { removed } : {}),
      });
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
    return { nodes, ms: performance.now() - start };
  }

  /** The output of one node in (N, C, H, W) order, as a new array the caller owns. */
  read(path: string): Promise<PlainTensor> {
    // between inputs there is nothing to read: the caller is behind and will be re-rendered
    if (!this.trace) return Promise.reject(new StaleTrace());
    const gen = this.generation;
    return readNCHW(this.trace.get(path).tensor).then(
      (t) => {
        if (gen !== this.generation) throw new StaleTrace();
        return t;
      },
      (e: unknown) => {
        throw gen !== this.generation ? new StaleTrace() : e;
      },
    );
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
  }
}
