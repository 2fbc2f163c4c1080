/**
 * Says which backend runs and, a click away, why (with the race's numbers) and what the
 * weights scored; why others did not, and any problem with the weights, in plain view.
 */
import { useTranslation } from 'react-i18next';
import { shippedModel } from '../model/shipped';
import type { WeightsMetadata } from '../model/types';
import { archSpec } from '../model/variants';
import { useBackendLabel } from './runtime/backendLabel';
import { backendReason } from './runtime/backendReason';
import { useModel } from './runtime/ModelContext';

/** WebAssembly's thread count in words ('' for other backends). */
export function useThreadsText(threads: number | undefined): string {
  const { t } = useTranslation();
  if (threads === undefined) return '';
  return threads > 1 ? t('runtime.threads', { count: threads }) : t('runtime.oneThread');
}

export function BackendStatus() {
  const { t } = useTranslation();
  const label = useBackendLabel();
  const m = useModel();
  const b = m.backend;
  const failedWanted = b?.attempts.find((a) => !a.ok);
  const threads = useThreadsText(b?.threads);
  const trained = m.source?.kind === 'trained' && !m.weightsProblem ? m.source.metadata : undefined;
  return (
    <div className="status-bar">
      <p
        role="status"
        aria-label={t('backend.label')}
        data-backend={b?.name ?? ''}
        data-threads={b?.threads ?? ''}
        data-software={b ? String(b.software) : ''}
        className="backend-badge"
      >
        {b
          ? t('backend.runsOn', { name: `${label(b.name, b.software)}${threads ? ` · ${threads}` : ''}` })
          : m.status === 'error'
            ? '—'
            : t('backend.detecting')}
      </p>
      {/* why this backend, with its numbers, and what the weights scored: one click away, so the
          chapter starts high on a laptop's first screen */}
      {(b || trained) && (
        <details className="backend-details">
          <summary>{t('backend.details')}</summary>
          {b && (
            <p className="notice backend-why">
              {backendReason(b, (n, sw) => label(n, sw))
                .map((s) => t(s.key, s.params))
                .join(' ')}
            </p>
          )}
          {trained && <TrainedNote metadata={trained} />}
        </details>
      )}
      {m.deviceLost && b && (
        <p role="alert" className="notice warn">
          {t('backend.deviceLost', { reason: m.deviceLost, name: label(b.name, b.software) })}
        </p>
      )}
      {!m.deviceLost && failedWanted && b && (
        <p className="notice">
          {t('backend.fellBack', {
            wanted: label(failedWanted.name, false),
            reason: failedWanted.error,
            name: label(b.name, b.software),
          })}
        </p>
      )}
      {m.status === 'error' && (
        <p role="alert" className="notice error">
          {t('backend.failed', { reason: m.error })}
        </p>
      )}
      <WeightsDownload />
      {m.source && <WeightsNote />}
    </div>
  );
}

/**
 * The chosen network's trained weights downloading, with a bar: a trained variant's weights come
 * only when it is chosen (then from the service worker's cache), ResNet-18's with the page.
 */
function WeightsDownload() {
  const { t } = useTranslation();
  const { wanted, status, progress } = useModel();
  const shipped = wanted && shippedModel(wanted);
  if (!wanted || !shipped || status === 'ready' || status === 'error') return null;
  const name = archSpec(wanted).name;
  return (
    <p className="notice weights-download">
      <progress max={1} value={progress} aria-label={t('trained.downloadLabel', { name })} />{' '}
      {t('trained.download', { name, mb: (shipped.weightBytes / 1e6).toFixed(1), percent: Math.round(progress * 100) })}
    </p>
  );
}

function WeightsNote() {
  const { t } = useTranslation();
  const { source: src, weightsProblem, weightsUnverified } = useModel();
  if (!src) return null;
  if (weightsProblem)
    return (
      <div role="alert" className="notice warn weights-problem">
        <p>
          {t(`weightsFile.${weightsProblem.kind}`, { file: weightsProblem.file, detail: weightsProblem.detail })}{' '}
          {t('weightsFile.fallback')}
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('weightsFile.retry')}
        </button>
      </div>
    );
  if (src.kind === 'trained')
    return weightsUnverified ? <p className="notice warn">{t('weightsFile.unverified')}</p> : null;
  return <p className="notice">{t('weights.random', { seed: src.seed })}</p>;
}

/** What the trained weights scored on held-out images, from their metadata. */
function TrainedNote({ metadata }: { metadata: WeightsMetadata }) {
  const { t } = useTranslation();
  const acc = metadata.testAccuracy;
  const images = metadata['testImages'];
  return (
    <p className="notice weights-trained">
      {t('weights.trained', {
        accuracy: typeof acc === 'number' ? (acc * 100).toFixed(1) : '?',
        images: typeof images === 'number' ? images.toLocaleString() : '?',
      })}
    </p>
  );
}
