/**
 * The compute runtime for the whole page: one model worker (src/workers/modelWorker.ts)
 * that chooses its backend (the URL may force one), loads the network and runs every
 * trace, so the page never blocks. A measured choice is remembered per browser and
 * adapter. The block lab's small tensors run on the page, on the worker's backend
 * (`useLabBackend`).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import {
  DEFAULT_MODEL_URL,
  selectBackend,
  shippedModelUrl,
  type ArchId,
  type BackendChoice,
  type WeightsProblem,
} from '../../model';
import { browserBackendLoaders } from '../../model/browserBackends';
import type { WeightsSource } from '../../model/types';
import { ModelClient } from '../../workers/modelClient';
import type { RememberedChoice, RuntimeBackend } from '../../workers/modelMessages';
import type { BackendParam } from '../urlState';
import { installTestHook } from './testHook';

export interface ModelRuntime {
  readonly status: 'starting' | 'loading' | 'ready' | 'error';
  readonly client?: ModelClient;
  /** The backend the worker runs on, and why. */
  readonly backend?: RuntimeBackend;
  /** The weights in use, once loaded. */
  readonly source?: WeightsSource;
  /** Weights download progress in [0, 1]. */
  readonly progress: number;
  /** The variant asked for (its weights download while `status` is not yet 'ready'). */
  readonly wanted?: ArchId;
  /** The variant the weights in use belong to. */
  readonly arch?: ArchId;
  /** Trained weights were expected but could not be used (which file, what kind); the weights are then random. */
  readonly weightsProblem?: WeightsProblem;
  /** The trained weights loaded carry no checksums, so they could not be checked. */
  readonly weightsUnverified?: boolean;
  /** The GPU device was lost and the worker moved to another backend. */
  readonly deviceLost?: string;
  readonly error?: string;
}

const ModelContext = createContext<ModelRuntime>({ status: 'starting', progress: 0 });

export function useModel(): ModelRuntime {
  return useContext(ModelContext);
}

/**
 * The variant's shipped model.json (ResNet-18's for an untrained variant: its input size is the
 * default). Absolute: the worker resolves URLs against its own script, not the page.
 */
const modelUrl = (arch: ArchId) =>
  new URL(`${import.meta.env.BASE_URL}${shippedModelUrl(arch) ?? DEFAULT_MODEL_URL}`, document.baseURI).href;
/** Where a measured choice is kept between visits. */
const REMEMBER_KEY = 'resnet-explainer.backend';

function remembered(): RememberedChoice | undefined {
  try {
    const raw = localStorage.getItem(REMEMBER_KEY);
    return raw ? (JSON.parse(raw) as RememberedChoice) : undefined;
  } catch {
    return undefined;
  }
}

function remember(b: RuntimeBackend): void {
  if (b.reason !== 'measured' || !b.timings || !b.raceSize) return;
  const choice: RememberedChoice = { key: b.adapterKey, name: b.name, timings: b.timings, size: b.raceSize };
  try {
    localStorage.setItem(REMEMBER_KEY, JSON.stringify(choice));
  } catch {
    // private browsing: measure again next time
  }
}

/** `size`: the page's input size when it starts (0: the weights' training size), to time the race at. */
export function ModelProvider({
  backend,
  arch,
  size,
  children,
}: {
  backend: BackendParam;
  arch: ArchId;
  size: number;
  children: ReactNode;
}) {
  const [runtime, setRuntime] = useState<ModelRuntime>({ status: 'starting', progress: 0 });
  // the race is timed at the size the page opened with; a later size change does not restart the worker
  const [startSize] = useState(size);

  useEffect(() => {
    const stored = remembered();
    const client = new ModelClient({
      backend,
      modelUrl: modelUrl(arch),
      arch,
      size: startSize,
      ...(stored ? { remembered: stored } : {}),
      ...(!('gpu' in navigator) || !navigator.gpu ? { pageWithoutWebGPU: true } : {}),
    });
    // the build for tests only: the shipped build drops the hook with this line
    const removeHook = __TEST_HOOK__ ? installTestHook(client) : () => undefined;
    setRuntime({ status: 'starting', progress: 0, client, wanted: arch });
    const unsubscribe = client.subscribe((e) => {
      switch (e.type) {
        case 'backend':
          remember(e.backend);
          setRuntime((r) => ({ ...r, status: r.status === 'ready' ? 'ready' : 'loading', backend: e.backend }));
          break;
        case 'weightsProgress':
          setRuntime((r) => ({ ...r, progress: e.fraction }));
          break;
        case 'ready':
          setRuntime(({ weightsProblem: _p, weightsUnverified: _u, ...r }) => ({
            ...r,
            status: 'ready',
            progress: 1,
            source: e.source,
            arch: e.arch,
            ...(e.problem ? { weightsProblem: e.problem } : {}),
            ...(e.unverified ? { weightsUnverified: true } : {}),
          }));
          break;
        case 'deviceLost':
          setRuntime((r) => ({ ...r, deviceLost: e.reason }));
          break;
        case 'failed':
          setRuntime((r) => ({ ...r, status: 'error', error: e.message }));
          break;
      }
    });
    return () => {
      unsubscribe();
      removeHook();
      client.dispose();
    };
  }, [backend, arch, startSize]);

  return <ModelContext.Provider value={runtime}>{children}</ModelContext.Provider>;
}

let labSelection: { name: string; choice: Promise<BackendChoice> } | undefined;

/**
 * The page's own tfjs backend for the block lab (small tensors, run on the page): the
 * backend the worker runs on, started the first time a lab asks for it.
 */
export function useLabBackend(): BackendChoice | undefined {
  const wanted = useModel().backend?.name;
  const [choice, setChoice] = useState<BackendChoice>();
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    if (labSelection?.name !== wanted) {
      labSelection = { name: wanted, choice: selectBackend(browserBackendLoaders, wanted) };
    }
    labSelection.choice.then(
      (c) => !cancelled && setChoice(c),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [wanted]);
  return choice && choice.requested === wanted ? choice : undefined;
}
