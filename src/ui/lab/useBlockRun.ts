/**
 * Runs the block on tfjs whenever the configuration changes: every statement when PyTorch
 * accepts it, or the statements PyTorch completes before its error (`maxSteps`). The newest run wins.
 */
import { useEffect, useState } from 'react';
import { runBlock, type BlockRun } from '../../explain/lab/runBlock';
import type { LabConfig } from '../../explain/lab/types';
import { useLabBackend } from '../runtime/ModelContext';

export const LAB_SEED = 0;

export interface BlockRunState {
  readonly run?: BlockRun;
  /** The configuration `run` belongs to. */
  readonly key?: string;
  readonly running: boolean;
  readonly error?: string;
}

/** `plan`: undefined to run nothing; `maxSteps` to stop where PyTorch raises. */
export function useBlockRun(config: LabConfig, plan: { readonly maxSteps?: number } | undefined): BlockRunState {
  const backend = useLabBackend();
  const [state, setState] = useState<BlockRunState>({ running: false });
  const runnable = plan !== undefined;
  const key = JSON.stringify({ config, maxSteps: plan?.maxSteps ?? null });
  useEffect(() => {
    if (!runnable || !backend) {
      setState({ running: false });
      return;
    }
    const abort = new AbortController();
    setState({ running: true });
    const { config: cfg, maxSteps } = JSON.parse(key) as { config: LabConfig; maxSteps: number | null };
    runBlock(cfg.args, cfg.input, { seed: LAB_SEED, signal: abort.signal, ...(maxSteps === null ? {} : { maxSteps }) })
      .then((run) => !abort.signal.aborted && setState({ run, key, running: false }))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setState({ running: false, error: e instanceof Error ? e.message : String(e) });
      });
    return () => abort.abort();
  }, [key, runnable, backend]);
  // never show a previous configuration's tensors under this one's shapes
  return state.key === key ? state : { running: state.running, ...(state.error ? { error: state.error } : {}) };
}
