/**
 * Runs the depth experiment in a Web Worker and tracks it as React state: one worker
 * per run, terminated when the run ends, is stopped, or the page goes away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExperimentConfig, ExperimentResult, Progress } from '../../explain/functionClasses/experimentSetup';
import type { MeasuredChoice } from '../../model/backendPolicy';
import type { BackendName } from '../../model/types';
import type { ExperimentMessage, RunRequest } from '../../workers/experimentMessages';

export type ExperimentState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'starting' }
  | { readonly phase: 'running'; readonly backend: RunsOn; readonly progress?: Progress }
  | { readonly phase: 'done'; readonly backend: RunsOn; readonly result: ExperimentResult }
  | { readonly phase: 'stopped'; readonly progress?: Progress }
  | { readonly phase: 'error'; readonly message: string };

/** Where a run trains, as the page labels it. */
export interface RunsOn {
  readonly name: BackendName;
  readonly software: boolean;
}

/** `choice`: the page's measured backend (undefined until the model worker has chosen). */
export function useExperiment(choice: MeasuredChoice | undefined, config: ExperimentConfig) {
  const [state, setState] = useState<ExperimentState>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);

  const end = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => end, [end]);

  const run = useCallback(() => {
    end();
    const w = new Worker(new URL('../../workers/experimentWorker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    setState({ phase: 'starting' });
    w.onmessage = (e: MessageEvent<ExperimentMessage>) => {
      if (worker.current !== w) return;
      const m = e.data;
      if (m.type === 'backend') setState({ phase: 'running', backend: { name: m.choice.name, software: m.software } });
      else if (m.type === 'progress') setState((s) => (s.phase === 'running' ? { ...s, progress: m.progress } : s));
      else if (m.type === 'done') {
        setState((s) => ({
          phase: 'done',
          backend: s.phase === 'running' ? s.backend : { name: 'cpu', software: false },
          result: m.result,
        }));
        end();
      } else {
        setState({ phase: 'error', message: m.message });
        end();
      }
    };
    w.onerror = (e) => {
      setState({ phase: 'error', message: e.message || 'the experiment worker could not start' });
      end();
    };
    w.postMessage({ type: 'run', ...(choice ? { choice } : {}), config } satisfies RunRequest);
  }, [choice, config, end]);

  const stop = useCallback(() => {
    end();
    setState((s) => ({ phase: 'stopped', ...(s.phase === 'running' && s.progress ? { progress: s.progress } : {}) }));
  }, [end]);

  return { state, run, stop };
}
