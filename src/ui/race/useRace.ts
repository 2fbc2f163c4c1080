/**
 * Runs the race in a Web Worker and tracks it as React state: start, pause, resume, reset.
 * One worker per race, terminated on reset, on a new start, and when the chapter is left.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { addSteps, type RaceCurves } from '../../explain/race/curves';
import type { BackendMeasurement } from '../../explain/race/measure';
import type { RaceChoice, RaceConfig } from '../../explain/race/setup';
import type { BackendName } from '../../model/types';
import type { RaceMessage, RaceRequest } from '../../workers/raceMessages';

export type RacePhase = 'idle' | 'measuring' | 'running' | 'paused' | 'done' | 'error';

export interface RaceState {
  readonly phase: RacePhase;
  readonly backend?: BackendName;
  readonly measurements?: readonly BackendMeasurement[];
  readonly config?: RaceConfig;
  readonly curves: RaceCurves;
  readonly error?: string;
}

const IDLE: RaceState = { phase: 'idle', curves: {} };

export function useRace(backend: BackendName | 'auto', choice: RaceChoice) {
  const [state, setState] = useState<RaceState>(IDLE);
  const worker = useRef<Worker | null>(null);

  const end = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => end, [end]);

  const start = useCallback(
    (data: Uint8Array) => {
      end();
      const w = new Worker(new URL('../../workers/raceWorker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      setState({ phase: 'measuring', curves: {} });
      w.onmessage = (e: MessageEvent<RaceMessage>) => {
        if (worker.current !== w) return;
        const m = e.data;
        setState((s) => {
          switch (m.type) {
            case 'measuring':
              return s;
            case 'backend':
              return { ...s, phase: 'running', backend: m.name, measurements: m.measurements };
            case 'config':
              return { ...s, config: m.config };
            case 'step':
              return { ...s, curves: addSteps(s.curves, [m.records]) };
            case 'done':
              return { ...s, phase: 'done' };
            case 'error':
              return { ...s, phase: 'error', error: m.message };
          }
        });
        if (m.type === 'done' || m.type === 'error') end();
      };
      w.onerror = (e) => {
        setState((s) => ({ ...s, phase: 'error', error: e.message || 'the race worker could not start' }));
        end();
      };
      const copy = data.slice().buffer;
      w.postMessage({ type: 'start', backend, choice, data: copy } satisfies RaceRequest, [copy]);
    },
    [backend, choice, end],
  );

  const pause = useCallback(() => {
    worker.current?.postMessage({ type: 'pause' } satisfies RaceRequest);
    setState((s) => (s.phase === 'running' ? { ...s, phase: 'paused' } : s));
  }, []);

  const resume = useCallback(() => {
    worker.current?.postMessage({ type: 'resume' } satisfies RaceRequest);
    setState((s) => (s.phase === 'paused' ? { ...s, phase: 'running' } : s));
  }, []);

  const reset = useCallback(() => {
    end();
    setState(IDLE);
  }, [end]);

  return { state, start, pause, resume, reset };
}
