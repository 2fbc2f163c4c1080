/**
 * Backends for the page. Each is a dynamic import, so the page downloads only the one
 * that runs. WebGPU needs a secure context (localhost or https) and an adapter.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendLoader } from './backend';
import { registerWasmTrainingKernels } from './trainingKernels';
import type { BackendName } from './types';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

export const browserBackendLoaders: Partial<Record<BackendName, BackendLoader>> = {
  webgpu: async () => {
    const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
    if (!gpu) throw new Error('this browser has no WebGPU (navigator.gpu is missing)');
    const adapter = await gpu.requestAdapter();
    if (!adapter) throw new Error('WebGPU found no GPU adapter');
    await import('@tensorflow/tfjs-backend-webgpu');
  },
  webgl: async () => {
    await import('@tensorflow/tfjs-backend-webgl');
  },
  wasm: async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    });
    registerWasmTrainingKernels();
  },
  cpu: async () => {
    await import('@tensorflow/tfjs-backend-cpu');
  },
};

/**
 * Calls `onLost` if the WebGPU device goes away (driver reset, laptop sleep), so the
 * page can fall back to another backend instead of showing stale or blank results.
 */
export function watchGpuDeviceLoss(onLost: (reason: string) => void): void {
  if (tf.getBackend() !== 'webgpu') return;
  const backend = tf.backend() as unknown as { device?: { lost?: Promise<{ message: string }> } };
  void backend.device?.lost?.then((info) => onLost(info.message || 'the GPU device was lost'));
}
