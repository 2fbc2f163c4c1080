/**
 * One named hook for end-to-end tests, `window.__resnetTestHook`: it forwards to the model
 * worker, where Playwright's init scripts cannot reach. Installed only in the build for tests
 * (`__TEST_HOOK__`); the shipped build has none of it.
 */
import type { ModelClient } from '../../workers/modelClient';
import type { HookStats, TestHookAction } from '../../workers/modelMessages';

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

function ask(client: ModelClient, action: TestHookAction): Promise<HookStats> {
  return client.call<HookStats>({ type: 'testHook', id: 0, action });
}

export function installTestHook(client: ModelClient): () => void {
  const hook: ResnetTestHook = {
    loseDevice: () => ask(client, { kind: 'loseDevice' }),
    slowOps: (ms) => ask(client, { kind: 'slowOps', ms }),
    failNextAllocation: () => ask(client, { kind: 'failNextAllocation' }),
    stats: () => ask(client, { kind: 'stats' }),
  };
  window.__resnetTestHook = hook;
  return () => {
    if (window.__resnetTestHook === hook) delete window.__resnetTestHook;
  };
}
