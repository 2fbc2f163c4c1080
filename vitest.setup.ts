/**
 * Runs before every test file. Between two tests the worker yields to Node's event loop once, so
 * it reads its runner's replies. Vitest's runner goes from test to test in microtasks only, and
 * tfjs's CPU backend computes synchronously (its `data()` resolves in a microtask too): a file of
 * such tests holds the worker's event loop from its first test to its last. On a loaded machine
 * that passes a minute, and Vitest fails the run with `[vitest-worker]: Timeout calling
 * "onTaskUpdate"` although every test passed.
 *
 * A single test can still hold the loop for long: each test's longest hold is measured, and one
 * over `HOLD_WARN_MS` is printed, so the log names the test to make yield before a loaded
 * machine turns it into that error.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach, expect } from 'vitest';

// taken before any test can install fake timers
const yieldToEventLoop = globalThis.setImmediate;
const HOLD_WARN_MS = 5_000;
const holds = monitorEventLoopDelay({ resolution: 100 });
holds.enable();

beforeEach(() => holds.reset());

afterEach(async () => {
  await new Promise<void>((resolve) => yieldToEventLoop(() => resolve()));
  const held = holds.max / 1e6;
  if (held > HOLD_WARN_MS) {
    console.warn(`event loop held ${(held / 1000).toFixed(1)} s in "${expect.getState().currentTestName}"`);
  }
});
