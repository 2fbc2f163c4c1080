/** Backends for Node (tests, CLI): tfjs's WASM backend, then plain CPU. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BackendLoader } from './backend';
import { registerWasmTrainingKernels } from './trainingKernels';
import type { BackendName } from './types';

export const nodeBackendLoaders: Partial<Record<BackendName, BackendLoader>> = {
  wasm: async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
    wasm.setWasmPaths(join(dist, 'dist') + '/');
    registerWasmTrainingKernels();
  },
  cpu: async () => {
    await import('@tensorflow/tfjs-backend-cpu');
  },
};
