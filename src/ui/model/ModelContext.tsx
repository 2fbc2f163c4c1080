/**
 * The compute runtime for the whole page: picks a backend (the URL may force one),
 * loads the network, and falls back to the next backend if the GPU device is lost.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import {
  BACKEND_ORDER,
  DEFAULT_MODEL_URL,
  loadNetworkFromUrl,
  selectBackend,
  type BackendChoice,
  archSpec,
  type ArchId,
  type BackendName,
  type ResNet18,
  type WeightsProblem,
} from '../../model';
import { browserBackendLoaders, watchGpuDeviceLoss } from '../../model/browserBackends';
import type { BackendParam } from '../urlState';

export interface ModelRuntime {
  readonly status: 'starting' | 'loading' | 'ready' | 'error';
  readonly backend?: BackendChoice;
  readonly net?: ResNet18;
  /** Weights download progress in [0, 1]. */
  readonly progress: number;
  /** Trained weights were expected but could not be used (which file, what kind); `net` is then random. */
  readonly weightsProblem?: WeightsProblem;
  /** The trained weights loaded carry no checksums, so they could not be checked. */
  readonly weightsUnverified?: boolean;
  /** The GPU device was lost and the page moved to another backend. */
  readonly deviceLost?: string;
  readonly error?: string;
}

const ModelContext = createContext<ModelRuntime>({ status: 'starting', progress: 0 });

export function useModel(): ModelRuntime {
  return useContext(ModelContext);
}

const MODEL_URL = `${import.meta.env.BASE_URL}${DEFAULT_MODEL_URL}`;

export function ModelProvider({
  backend,
  arch,
  children,
}: {
  backend: BackendParam;
  arch: ArchId;
  children: ReactNode;
}) {
  const [runtime, setRuntime] = useState<ModelRuntime>({ status: 'starting', progress: 0 });
  const [excluded, setExcluded] = useState<readonly BackendName[]>([]);
  const [deviceLost, setDeviceLost] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    let net: ResNet18 | undefined;
    const loaders = Object.fromEntries(
      BACKEND_ORDER.filter((b) => !excluded.includes(b)).map((b) => [b, browserBackendLoaders[b]]),
    );
    const requested = backend === 'auto' || excluded.includes(backend) ? undefined : backend;
    setRuntime({ status: 'starting', progress: 0, ...(deviceLost ? { deviceLost } : {}) });
    (async () => {
      const choice = await selectBackend(loaders, requested);
      if (cancelled) return;
      setRuntime((r) => ({ ...r, status: 'loading', backend: choice }));
      const onProgress = (progress: number) => {
        if (!cancelled) setRuntime((r) => ({ ...r, progress }));
      };
      const loaded = await loadNetworkFromUrl(MODEL_URL, onProgress, archSpec(arch));
      net = loaded.net;
      if (cancelled) {
        net.dispose();
        return;
      }
      setRuntime((r) => ({
        ...r,
        status: 'ready',
        net: loaded.net,
        progress: 1,
        ...(loaded.problem ? { weightsProblem: loaded.problem } : {}),
        ...(loaded.unverified ? { weightsUnverified: true } : {}),
      }));
      watchGpuDeviceLoss((reason) => {
        if (cancelled) return;
        setDeviceLost(reason);
        setExcluded((ex) => [...ex, 'webgpu']);
      });
    })().catch((e: unknown) => {
      if (!cancelled) setRuntime({ status: 'error', progress: 0, error: e instanceof Error ? e.message : String(e) });
    });
    return () => {
      cancelled = true;
      net?.dispose();
    };
  }, [backend, arch, excluded, deviceLost]);

  return <ModelContext.Provider value={runtime}>{children}</ModelContext.Provider>;
}
