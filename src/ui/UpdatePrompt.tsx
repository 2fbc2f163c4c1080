/** "A new version is ready — reload": shown when the service worker has a new version waiting. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function UpdatePrompt({ reload }: { reload: () => void }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  return (
    <div role="status" aria-label={t('appUpdate.ready')} className="notice update-ready">
      <button type="button" onClick={reload}>
        {t('appUpdate.ready')}
      </button>{' '}
      <span>{t('appUpdate.readyHint')}</span>{' '}
      <button type="button" onClick={() => setDismissed(true)}>
        {t('appUpdate.later')}
      </button>
    </div>
  );
}
