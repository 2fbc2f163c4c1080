/**
 * React's handle on the model worker's stepper: one trace per input and size. The newest
 * input wins (the client drops older traces), and a trace the worker runs again by itself
 * (after a lost GPU device, on the next backend) replaces the one on screen.
 */
import { startTransition, useEffect, useState } from 'react';
import { inputSource, type InputSpec } from '../../explain/stepper/inputs';
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
): SessionState {
  const [state, setState] = useState<SessionState>({ status: 'waiting' });

  useEffect(() => {
    if (!client) return;
    setState({ status: 'waiting' });
    // the worker's answers re-render the stepper: as transitions, in slices that leave the page responsive
    return client.subscribe((e) =>
      startTransition(() => {
        if (e.type === 'trace')
          setState((s) => ({ status: 'ready', trace: e.trace, ...(s.downsized ? { downsized: s.downsized } : {}) }));
        else if (e.type === 'downsized') setState((s) => ({ ...s, downsized: { from: e.from, to: e.to } }));
        else if (e.type === 'traceFailed') setState((s) => ({ ...s, status: 'error', error: e.message }));
        else if (e.type === 'deviceLost') setState((s) => ({ ...s, status: 'tracing' }));
      }),
    );
  }, [client]);

  useEffect(() => {
    if (!client || !ready || !spec) return;
    const source = inputSource(spec, samples ?? []);
    if ('error' in source) {
      setState({ status: 'error', error: source.error });
      return;
    }
    startTransition(() => setState(({ downsized: _gone, ...s }) => ({ ...s, status: 'tracing' })));
    // the trace, or why it failed, arrives through the subscription; a stale one is dropped
    client.setInput(source, size).catch(() => undefined);
  }, [client, ready, spec, size, samples]);

  return state;
}
