/**
 * React's handle on the model worker's stepper: one trace per input and size. The newest
 * input wins (the client drops older traces), and a trace the worker runs again by itself
 * (after a lost GPU device, on the next backend) replaces the one on screen.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { inputSource, type InputSpec } from '../../explain/stepper/inputs';
import { traceKey } from '../../explain/stepper/traceKey';
import type { Sample } from '../../explain/samples';
import type { ModelClient, RemoteTrace } from '../../workers/modelClient';

export interface SessionState {
  readonly trace?: RemoteTrace;
  readonly status: 'waiting' | 'tracing' | 'ready' | 'error';
  readonly error?: string;
  /** The device could not hold the asked size: the trace on screen is at `to`. */
  readonly downsized?: { readonly from: number; readonly to: number };
}

export function useStepperSession(
  client: ModelClient | undefined,
  ready: boolean,
  size: number,
  spec: InputSpec | undefined,
  samples: readonly Sample[] | undefined,
  /** A residual block to step through removed (the lesion study), '' for none. */
  removed = '',
): SessionState {
  const [state, setState] = useState<SessionState>({ status: 'waiting' });
  // the request on screen or on its way; the same one again (a lesson stop that pins the same
  // input and size, a re-render) keeps it, with no new trace and no "Reading the tensor…"
  const asked = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!client) return;
    asked.current = undefined;
    setState({ status: 'waiting' });
    // the worker's answers re-render the stepper: as transitions, in slices that leave the page responsive
    return client.subscribe((e) =>
      startTransition(() => {
        if (e.type === 'trace')
          setState((s) => ({ status: 'ready', trace: e.trace, ...(s.downsized ? { downsized: s.downsized } : {}) }));
        else if (e.type === 'downsized') setState((s) => ({ ...s, downsized: { from: e.from, to: e.to } }));
        else if (e.type === 'traceFailed') {
          asked.current = undefined; // the same input may be asked for again
          setState((s) => ({ ...s, status: 'error', error: e.message }));
        } else if (e.type === 'deviceLost') setState((s) => ({ ...s, status: 'tracing' }));
      }),
    );
  }, [client]);

  useEffect(() => {
    if (!client || !ready || !spec) return;
    const source = inputSource(spec, samples ?? []);
    if ('error' in source) {
      asked.current = undefined;
      setState({ status: 'error', error: source.error });
      return;
    }
    const key = `${traceKey(source, size)}${removed ? ` without ${removed}` : ''}`;
    if (key === asked.current) return;
    asked.current = key;
    startTransition(() => setState(({ downsized: _gone, ...s }) => ({ ...s, status: 'tracing' })));
    // the trace, or why it failed, arrives through the subscription; a stale one is dropped
    client.setInput(source, size, removed || undefined).catch(() => undefined);
  }, [client, ready, spec, size, samples, removed]);

  return state;
}
