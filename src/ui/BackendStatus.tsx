/** Says which backend runs, why others did not, and which weights are in use. */
import { useTranslation } from 'react-i18next';
import { useModel } from './model/ModelContext';

export function BackendStatus() {
  const { t } = useTranslation();
  const m = useModel();
  const name = m.backend?.name;
  const failedWanted = m.backend?.attempts.find((a) => !a.ok);
  return (
    <div className="status-bar">
      <p role="status" aria-label={t('backend.label')} data-backend={name ?? ''} className="backend-badge">
        {name
          ? t('backend.runsOn', { name: t(`backend.${name}`) })
          : m.status === 'error'
            ? '—'
            : t('backend.detecting')}
      </p>
      {m.deviceLost && name && (
        <p role="alert" className="notice warn">
          {t('backend.deviceLost', { reason: m.deviceLost, name: t(`backend.${name}`) })}
        </p>
      )}
      {!m.deviceLost && failedWanted && name && (
        <p className="notice">
          {t('backend.fellBack', {
            wanted: t(`backend.${failedWanted.name}`),
            reason: failedWanted.error,
            name: t(`backend.${name}`),
          })}
        </p>
      )}
      {m.status === 'error' && (
        <p role="alert" className="notice error">
          {t('backend.failed', { reason: m.error })}
        </p>
      )}
      {m.status === 'loading' && (
        <p className="notice">{t('weights.loading', { percent: Math.round(m.progress * 100) })}</p>
      )}
      {m.net && <WeightsNote />}
    </div>
  );
}

function WeightsNote() {
  const { t } = useTranslation();
  const { net, weightsProblem } = useModel();
  if (!net) return null;
  const src = net.source;
  if (weightsProblem)
    return (
      <p role="alert" className="notice warn">
        {t('weights.problem', { problem: weightsProblem })}
      </p>
    );
  if (src.kind === 'trained') {
    const acc = src.metadata.testAccuracy;
    const images = src.metadata['testImages'];
    return (
      <p className="notice">
        {t('weights.trained', {
          accuracy: typeof acc === 'number' ? (acc * 100).toFixed(1) : '?',
          images: typeof images === 'number' ? images.toLocaleString() : '?',
        })}
      </p>
    );
  }
  return <p className="notice">{t('weights.random', { seed: src.seed })}</p>;
}
