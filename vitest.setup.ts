/**
 * Runs before every test file. Between two tests the worker yields to Node's event loop once, so
 * it reads its runner's replies. Vitest's runner goes from test to test in microtasks only, and
 * tfjs's CPU backend computes synchronously (its `data()` resolves in a microtask too): a file of
 * such tests holds the worker's event loop from its first test to its last. On a loaded machine
 * that passes a minute, and Vitest fails the run with `[vitest-worker]: Timeout calling
 * "onTaskUpdate"` although every test passed.
 */
import { afterEach } from 'vitest';

// taken before any test can install fake timers
const yieldToEventLoop = globalThis.setImmediate;

afterEach(() => new Promise<void>((resolve) => yieldToEventLoop(() => resolve())));
