/**
 * What the trace on screen costs: the worker's tensors and megabytes on one line; behind it,
 * the last trace's time, the backend that computed it and one sentence on why activations
 * cost memory.
 */
import { useTranslation } from 'react-i18next';
import type { RemoteTrace } from '../../workers/modelClient';
import { useThreadsText } from '../BackendStatus';
import { useBackendLabel } from '../runtime/backendLabel';
import { useModel } from '../runtime/ModelContext';

export function RuntimePanel({ trace }: { trace?: RemoteTrace }) {
  const { t } = useTranslation();
  const label = useBackendLabel();
  const { backend } = useModel();
  // threads and the software label describe the backend running now; show them only if it computed this trace
  const same = trace !== undefined && backend?.name === trace.summary.backend;
  const threadsText = useThreadsText(same ? backend?.threads : undefined);
  if (!trace) return null;
  const on = trace.summary.backend;
  const threads = threadsText ? ` · ${threadsText}` : '';
  return (
    <section className="runtime-panel" aria-label={t('runtime.panel.heading')}>
      {/* what the worker holds on one line (the trace's time and backend are on the line beside);
          the backend's threads and why activations cost memory one click away */}
      <details>
        <summary className="runtime-figures">
          <span data-tensors={trace.memory.tensors}>{t('runtime.panel.tensors', { count: trace.memory.tensors })}</span>
          {' · '}
          <span data-bytes={trace.memory.bytes}>
            {t('runtime.panel.megabytes', { mb: (trace.memory.bytes / 2 ** 20).toFixed(1) })}
          </span>
        </summary>
        <p>
          <span>{t('runtime.panel.lastTrace', { ms: trace.summary.ms.toFixed(0) })}</span>{' '}
          <span data-backend={on}>
            {t('runtime.panel.backend', { backend: label(on, same && !!backend?.software) })}
            {threads}
          </span>
        </p>
        <p className="runtime-teach">{t('runtime.panel.teach')}</p>
      </details>
    </section>
  );
}
