/**
 * The model worker's side of `window.__resnetTestHook`: counters the e2e tests read, and
 * the faults they ask for (a slow backend, an allocation that fails). Until a test sets
 * one, every operation passes through `beforeNextOp` untouched.
 */
import type { BackendLoader } from '../model/backend';
import type { BackendName } from '../model/types';

export const hook = {
  /** Extra milliseconds every operation takes. */
  slowOpsMs: 0,
  /** The next operation fails as if its output could not be allocated. */
  failNextAllocation: false,
  traces: 0,
  tracesStarted: 0,
  tracesComputed: 0,
  reads: 0,
  lastTraced: undefined as string | undefined,
  /** Every backend the worker started, in order (a software adapter must never be among them). */
  backendsStarted: [] as BackendName[],
};

/** The same loaders, each counting its starts in `hook.backendsStarted`. */
export function countStarts(
  loaders: Partial<Record<BackendName, BackendLoader>>,
): Partial<Record<BackendName, BackendLoader>> {
  return Object.fromEntries(
    Object.entries(loaders).map(([name, load]) => [
      name,
      () => {
        hook.backendsStarted.push(name as BackendName);
        return load();
      },
    ]),
  );
}

function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // the slowed backend: this operation takes `ms` longer
  }
}

/** Called after each operation of a trace (`done` of `total`). */
export function afterOp(done: number, total: number): void {
  if (hook.failNextAllocation) {
    hook.failNextAllocation = false;
    throw new Error('Out of memory: the backend could not allocate the next tensor (test hook)');
  }
  if (hook.slowOpsMs > 0) spin(hook.slowOpsMs);
  if (done === total) hook.tracesComputed++; // every operation ran, wanted or not
}

/** Errors that mean the device could not hold the trace: worth a retry at a smaller size. */
export function isOutOfMemory(e: unknown): boolean {
  return /out of memory|could not allocate|allocation failed|\boom\b/i.test(e instanceof Error ? e.message : String(e));
}
