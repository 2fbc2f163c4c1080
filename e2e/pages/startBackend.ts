/**
 * The test-only pages' start: one tfjs backend, no fallback, with the WebAssembly thread count
 * the bench asks for. Says what really runs.
 */
import * as tf from '@tensorflow/tfjs-core';
import { browserBackendLoaders } from '../../src/model/browserBackends';
import { isBackendName, selectBackend } from '../../src/model';

export async function startPageBackend(
  backend: string,
  wasmThreads?: number,
): Promise<{ backend: string; threads: number }> {
  if (!isBackendName(backend)) throw new Error(`unknown backend "${backend}"`);
  if (backend === 'wasm' && wasmThreads) {
    // tfjs's threaded WebAssembly sizes its worker pool to half of navigator.hardwareConcurrency
    // (at most 4) when it loads, and XNNPACK cannot use more threads than that pool holds
    Object.defineProperty(navigator, 'hardwareConcurrency', { value: 2 * wasmThreads, configurable: true });
    (await import('@tensorflow/tfjs-backend-wasm')).setThreadsCount(wasmThreads);
  }
  await selectBackend({ [backend]: browserBackendLoaders[backend] }, backend);
  const threads = tf.getBackend() === 'wasm' ? (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount() : 1;
  return { backend: tf.getBackend(), threads };
}
