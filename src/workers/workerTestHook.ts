/**
 * The model worker's side of `window.__resnetTestHook`, compiled into the build for tests
 * only (`vite build --mode e2e`, see vite.config.ts): counters the e2e tests read, and the
 * faults they ask for (a lost device, a slow backend, an allocation that fails).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendLoader } from '../model/backend';
import type { BackendName } from '../model/types';
import type { HookStats, TestHookAction } from './modelMessages';
import type { ModelRuntime, TraceObserver } from './modelRuntime';

function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // the slowed backend: this operation takes `ms` longer
  }
}

export class WorkerTestHook implements TraceObserver {
  /** Extra milliseconds every operation takes. */
  private slowOpsMs = 0;
  /** The next operation fails as if its output could not be allocated. */
  private failNextAllocation = false;
  private traces = 0;
  private tracesStarted = 0;
  private tracesComputed = 0;
  private reads = 0;
  private lastTraced: string | undefined;
  /** Every backend the worker started, in order (a software adapter must never be among them). */
  private readonly backendsStarted: BackendName[] = [];

  /** The same loaders, each counting its starts. */
  countStarts(loaders: Partial<Record<BackendName, BackendLoader>>): Partial<Record<BackendName, BackendLoader>> {
    return Object.fromEntries(
      Object.entries(loaders).map(([name, load]) => [
        name,
        () => {
          this.backendsStarted.push(name as BackendName);
          return load();
        },
      ]),
    );
  }

  traceStarted(): void {
    this.tracesStarted++;
  }

  afterOp(done: number, total: number): void {
    if (this.failNextAllocation) {
      this.failNextAllocation = false;
      throw new Error('Out of memory: the backend could not allocate the next tensor (test hook)');
    }
    if (this.slowOpsMs > 0) spin(this.slowOpsMs);
    if (done === total) this.tracesComputed++; // every operation ran, wanted or not
  }

  traced(input: Parameters<TraceObserver['traced']>[0], size: number): void {
    this.traces++;
    this.lastTraced = `${input.kind === 'rand' ? `rand:${input.seed}` : `gray ${input.image.width}×${input.image.height}`} @ ${size}`;
  }

  read(): void {
    this.reads++;
  }

  act(action: TestHookAction, runtime: ModelRuntime): HookStats {
    switch (action.kind) {
      case 'loseDevice': {
        if (tf.getBackend() !== 'webgpu')
          throw new Error(`no GPU device to lose: the worker runs on ${tf.getBackend()}`);
        (tf.backend() as unknown as { device: { destroy(): void } }).device.destroy();
        break;
      }
      case 'slowOps':
        this.slowOpsMs = action.ms;
        break;
      case 'failNextAllocation':
        this.failNextAllocation = true;
        break;
      case 'stats':
        break;
    }
    return {
      traces: this.traces,
      tracesStarted: this.tracesStarted,
      tracesComputed: this.tracesComputed,
      reads: this.reads,
      ...(this.lastTraced ? { lastTraced: this.lastTraced } : {}),
      memory: runtime.memory(),
      ...(runtime.backend ? { backend: runtime.backend.name } : {}),
      backendsStarted: [...this.backendsStarted],
    };
  }
}
