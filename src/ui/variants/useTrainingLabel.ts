/** "trained, 93.2 % held-out" or "untrained" for a variant, in the page's language. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { percent, trainingStatus, type ArchId } from '../../model';

export function useTrainingLabel(): (arch: ArchId) => string {
  const { t } = useTranslation();
  return useCallback(
    (arch: ArchId) => {
      const s = trainingStatus(arch);
      return s.kind === 'trained' ? t('trained.label', { accuracy: percent(s.accuracy) }) : t('trained.untrained');
    },
    [t],
  );
}
