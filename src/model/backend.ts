/**
 * Choosing a tfjs backend: WebGPU, else WebGL, else WASM, else CPU. Every attempt can
 * fail (no adapter, no context, a failed download) and the next one is tried; the
 * result says which backend runs and why the others did not.
 */
import * as tf from '@tensorflow/tfjs-core';
import { BACKEND_ORDER, type BackendName } from './types';
import { checkBackendComputes } from './selfTest';

/** Registers a backend with tfjs (usually a dynamic import). May throw. */
export type BackendLoader = () => Promise<void>;

export interface BackendAttempt {
  readonly name: BackendName;
  readonly ok: boolean;
  /** Why it failed, for a person. */
  readonly error?: string;
}

export interface BackendChoice {
  /** The backend that runs. */
  readonly name: BackendName;
  /** Every backend tried, in order, with the reason it failed. */
  readonly attempts: readonly BackendAttempt[];
  /** The backend that was asked for (`?backend=`), if any. */
  readonly requested?: BackendName;
}

export function isBackendName(s: string): s is BackendName {
  return (BACKEND_ORDER as readonly string[]).includes(s);
}

/** The order to try: the requested backend first, then the usual order. */
export function backendOrder(requested?: BackendName): BackendName[] {
  return requested ? [requested, ...BACKEND_ORDER.filter((b) => b !== requested)] : [...BACKEND_ORDER];
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Try backends in order until one works: it registers, `tf.setBackend` resolves true
 * (it resolves false, without throwing, when WebGPU has no adapter), and a small
 * computation gives the right answer.
 */
export function selectBackend(
  loaders: Partial<Record<BackendName, BackendLoader>>,
  requested?: BackendName,
): Promise<BackendChoice> {
  // tfjs has one global backend: two selections at once (React's StrictMode mounts effects
  // twice in development) would interleave their setBackend calls, so they run in turn
  const run = queue.then(() => trySelect(loaders, requested));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

async function trySelect(
  loaders: Partial<Record<BackendName, BackendLoader>>,
  requested?: BackendName,
): Promise<BackendChoice> {
  const attempts: BackendAttempt[] = [];
  for (const name of backendOrder(requested)) {
    const load = loaders[name];
    if (!load) {
      attempts.push({ name, ok: false, error: 'not available in this environment' });
      continue;
    }
    try {
      await load();
      const ok = await tf.setBackend(name);
      if (!ok) throw new Error('the backend could not start (no adapter or context)');
      await tf.ready();
      await checkBackendComputes();
      attempts.push({ name, ok: true });
      return requested ? { name, attempts, requested } : { name, attempts };
    } catch (e) {
      attempts.push({ name, ok: false, error: message(e) });
    }
  }
  throw new Error(`No tfjs backend could start: ${attempts.map((a) => `${a.name}: ${a.error}`).join('; ')}`);
}
