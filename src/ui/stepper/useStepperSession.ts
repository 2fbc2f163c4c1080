/**
 * React's handle on a StepperSession: one session per network, one trace per input and
 * size. The trace starts after a frame has painted "computing…", so the page shows
 * progress; results from an input that has since changed are dropped.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ResNet18 } from '../../model';
import { StaleTrace, StepperSession, type TraceSummary } from '../../explain/stepper/StepperSession';
import { inputTensor, type InputSpec } from '../../explain/stepper/inputs';
import type { Sample } from '../../explain/samples';

export interface SessionState {
  readonly session?: StepperSession;
  readonly summary?: TraceSummary;
  readonly probabilities?: readonly number[];
  readonly status: 'waiting' | 'tracing' | 'ready' | 'error';
  /** While tracing: operations done, of how many, and the last one. */
  readonly progress?: { readonly done: number; readonly total: number; readonly path: string };
  readonly error?: string;
}

export function useStepperSession(
  net: ResNet18 | undefined,
  size: number,
  spec: InputSpec | undefined,
  samples: readonly Sample[] | undefined,
): SessionState {
  const session = useMemo(() => (net ? new StepperSession(net) : undefined), [net]);
  useEffect(() => () => session?.dispose(), [session]);
  const [state, setState] = useState<Omit<SessionState, 'session'>>({ status: 'waiting' });

  useEffect(() => {
    if (!session || !spec) return;
    let cancelled = false;
    setState((s) => ({ ...s, status: 'tracing', progress: undefined }));
    const frame = requestAnimationFrame(() => {
      setTimeout(() => {
        if (cancelled) return;
        const x = inputTensor(spec, size, samples ?? []);
        if ('error' in x) {
          setState({ status: 'error', error: x.error });
          return;
        }
        session
          .setInput(x, (done, total, path) => {
            if (!cancelled) setState((st) => ({ ...st, progress: { done, total, path } }));
          })
          .then(async (summary) => {
            const probabilities = await session.probabilities();
            if (!cancelled) setState({ status: 'ready', summary, probabilities });
          })
          .catch((e: unknown) => {
            if (cancelled || e instanceof StaleTrace) return;
            setState({ status: 'error', error: e instanceof Error ? e.message : String(e) });
          });
      }, 0);
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [session, spec, size, samples]);

  return { ...state, ...(session ? { session } : {}) };
}
