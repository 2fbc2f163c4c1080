/**
 * A job waiting on a race worker that stopped answering (src/explain/race/workerWatch.ts): said
 * in the page's words, never the browser's, with "Try again" (a fresh worker; after a race, the
 * finished race is kept) and "Keep waiting" (for a machine that is only very busy).
 */
import { useTranslation } from 'react-i18next';
import type { RaceSession, RaceSessionState } from '../../explain/race/session';
import type { WorkerJob } from '../../explain/race/workerWatch';

export function WorkerSilence({
  job,
  session,
  state,
}: {
  readonly job: WorkerJob;
  readonly session: RaceSession | undefined;
  readonly state: RaceSessionState;
}) {
  const { t } = useTranslation();
  if (!session || !state.silent?.includes(job)) return null;
  return (
    <div role="alert" className="notice error worker-silence">
      <p>
        {t('workerSilence.stopped', { what: t(`workerSilence.job.${job}`) })}{' '}
        {t(job === 'race' ? 'workerSilence.againRace' : 'workerSilence.againKept')}
      </p>
      <button type="button" onClick={() => void session.tryAgain()}>
        {t('workerSilence.tryAgain')}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => session.keepWaiting()}>
        {t('workerSilence.keepWaiting')}
      </button>
    </div>
  );
}
