/**
 * Which GPU backends run on a software adapter, for the race's probe order
 * (src/explain/race/probePolicy.ts: a software adapter is timed last, or not at all once
 * WebAssembly has trained). Every source the page has counts: the browser's adapter facts,
 * the model worker's timings, and the software adapters it left untimed. The timings alone
 * name only the backends timed, so a page whose worker never started its software adapters
 * once timed them first in the race, as if they were GPUs (43 s for SwiftShader's WebGPU).
 */
import type { BackendName } from '../../model/types';
import type { AdapterInfo } from '../../workers/adapters';
import type { RuntimeBackend } from '../../workers/modelMessages';

export function softwareBackends(
  backend: Pick<RuntimeBackend, 'name' | 'software' | 'timings' | 'notTimed'> | undefined,
  adapters: Pick<AdapterInfo, 'webgpu' | 'webgl'>,
): Partial<Record<BackendName, boolean>> {
  const out: Partial<Record<BackendName, boolean>> = {
    webgpu: !!adapters.webgpu?.software,
    webgl: !!adapters.webgl?.software,
  };
  for (const t of backend?.timings ?? []) if (t.software) out[t.name] = true;
  for (const name of backend?.notTimed ?? []) out[name] = true;
  if (backend?.software) out[backend.name] = true;
  return out;
}
