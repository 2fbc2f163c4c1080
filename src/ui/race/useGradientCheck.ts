/**
 * Runs the race's gradient check (src/workers/gradCheckWorker.ts) and tracks it as React
 * state. One worker per check, terminated when the check is closed, asked for again with
 * other settings, or the chapter is left.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { IDLE_CHECK, reduceGradCheck, STARTING_CHECK, type GradCheckView } from '../../explain/race/gradCheckView';
import type { BackendName } from '../../model/types';
import type { GradCheckMessage, GradCheckRequest } from '../../workers/gradCheckMessages';

export interface GradCheckSettings {
  readonly backend: BackendName | 'auto';
  readonly ns: readonly number[];
  readonly width: number;
}

const keyOf = (s: GradCheckSettings) => `${s.backend}|${s.ns.join()}|${s.width}`;

export function useGradientCheck(settings: GradCheckSettings) {
  const [view, setView] = useState<GradCheckView>(IDLE_CHECK);
  const worker = useRef<Worker | null>(null);
  const ran = useRef<string | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  /** Start the check for `settings`, unless it already ran (or runs) for them. */
  const run = useCallback(() => {
    const key = keyOf(settings);
    if (ran.current === key) return;
    stop();
    ran.current = key;
    const w = new Worker(new URL('../../workers/gradCheckWorker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    setView(STARTING_CHECK);
    w.onmessage = (e: MessageEvent<GradCheckMessage>) => {
      if (worker.current !== w) return;
      setView((v) => reduceGradCheck(v, e.data));
      if (e.data.type === 'done' || e.data.type === 'error') stop();
    };
    w.onerror = (e) => {
      if (worker.current !== w) return;
      setView((v) => reduceGradCheck(v, { type: 'error', failure: 'other', detail: e.message }));
      stop();
    };
    const req: GradCheckRequest = { type: 'start', ...settings, base: document.baseURI };
    w.postMessage(req);
  }, [settings, stop]);

  /** Stop a check in flight; a finished one is kept. */
  const close = useCallback(() => {
    if (!worker.current) return;
    stop();
    ran.current = null;
    setView(IDLE_CHECK);
  }, [stop]);

  return { view, run, close };
}
