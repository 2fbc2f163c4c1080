/** For tests in Node: start tfjs's WASM backend once (CPU if WASM cannot start). */
import { selectBackend, type BackendChoice } from './backend';
import { nodeBackendLoaders } from './nodeBackends';

let started: Promise<BackendChoice> | undefined;

export function useNodeBackend(): Promise<BackendChoice> {
  started ??= selectBackend(nodeBackendLoaders, 'wasm');
  return started;
}
