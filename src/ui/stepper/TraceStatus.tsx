/**
 * The line under the stepper's toolbar: progress while the worker traces (only this line
 * re-renders on each progress message, not the stepper), then what was traced, in how
 * long and on which backend. The backend named under a trace is the one that computed it.
 */
import { startTransition, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelClient, RemoteTrace } from '../../workers/modelClient';
import { useBackendLabel } from '../runtime/backendLabel';

interface Progress {
  readonly done: number;
  readonly total: number;
  readonly path: string;
}

export function TraceStatus({
  client,
  tracing,
  trace,
  backendName,
}: {
  client?: ModelClient;
  tracing: boolean;
  trace?: RemoteTrace;
  /** The backend computing now (for the progress line). */
  backendName: string;
}) {
  const { t } = useTranslation();
  const label = useBackendLabel();
  const [progress, setProgress] = useState<Progress>();
  useEffect(
    () =>
      client?.subscribe((e) => {
        if (e.type === 'progress') startTransition(() => setProgress({ done: e.done, total: e.total, path: e.path }));
      }),
    [client],
  );
  // a new trace starts from nothing
  useEffect(() => {
    if (tracing) setProgress(undefined);
  }, [tracing]);
  return (
    <p className="notice trace-status" aria-live="polite">
      {tracing && (
        <>
          <span className="spinner" aria-hidden="true" /> {t('stepper.tracing', { backend: backendName })}
          {progress && (
            <>
              {' '}
              <progress max={progress.total} value={progress.done} aria-label={t('stepper.traceProgress')} />{' '}
              <span className="mono">
                {progress.done}/{progress.total} · {progress.path}
              </span>
            </>
          )}
        </>
      )}
      {!tracing &&
        trace &&
        t('resnet18.traced', {
          count: trace.summary.nodes.length - 1,
          ms: trace.summary.ms.toFixed(0),
          backend: label(trace.summary.backend),
        })}
    </p>
  );
}
