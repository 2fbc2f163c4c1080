/**
 * One named hook for end-to-end tests, `window.__resnetTestHook`: it forwards to the model
 * worker, where Playwright's init scripts cannot reach. Nothing calls it in normal use,
 * and until something does it changes nothing.
 */
import type { ModelClient } from '../../workers/modelClient';
import type { HookStats } from '../../workers/modelMessages';

export interface ResnetTestHook {
  /** Destroy the worker's WebGPU device, as a driver reset would. */
  loseDevice(): Promise<HookStats>;
  /** Make every operation of every later trace take `ms` longer (0: normal speed). */
  slowOps(ms: number): Promise<HookStats>;
  /** Make the next trace fail as if its next tensor could not be allocated. */
  failNextAllocation(): Promise<HookStats>;
  /** Traces started and finished, the worker's backend and memory. */
  stats(): Promise<HookStats>;
}

declare global {
  interface Window {
    __resnetTestHook?: ResnetTestHook;
  }
}

export function installTestHook(client: ModelClient): () => void {
  const hook: ResnetTestHook = {
    loseDevice: () => client.testHook({ kind: 'loseDevice' }),
    slowOps: (ms) => client.testHook({ kind: 'slowOps', ms }),
    failNextAllocation: () => client.testHook({ kind: 'failNextAllocation' }),
    stats: () => client.testHook({ kind: 'stats' }),
  };
  window.__resnetTestHook = hook;
  return () => {
    if (window.__resnetTestHook === hook) delete window.__resnetTestHook;
  };
}
