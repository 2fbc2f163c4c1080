/** Where the race trains and why, the budget it chose, and how far it is. */
import { useTranslation } from 'react-i18next';
import { stepsDone } from '../../explain/race/curves';
import { raceEntries } from '../../explain/race/setup';
import { raceDepth } from '../../model/raceNet';
import type { RaceState } from './useRace';

export function RaceStatus({ state, chosenByUrl }: { readonly state: RaceState; readonly chosenByUrl: boolean }) {
  const { t } = useTranslation();
  const { config, backend, measurements } = state;
  const done = config
    ? stepsDone(
        state.curves,
        raceEntries(config).map((e) => e.id),
      )
    : 0;
  const backendName = backend ? t(`backend.${backend}`) : '';
  return (
    <div className="race-status">
      <p role="status" className="notice" data-phase={state.phase} data-backend={backend ?? ''}>
        {state.phase === 'measuring' && t('race.status.measuring')}
        {state.phase === 'running' &&
          t('race.status.running', { backend: backendName, done, steps: config?.steps ?? 0 })}
        {state.phase === 'paused' && t('race.status.paused', { done, steps: config?.steps ?? 0 })}
        {state.phase === 'done' && t('race.status.done', { backend: backendName, steps: config?.steps ?? 0 })}
      </p>
      {config && state.phase !== 'measuring' && (
        <progress max={config.steps} value={done} aria-label={t('race.status.progress')} />
      )}
      {measurements && backend && (
        <p className="race-measured">
          {t('race.status.measured', {
            list: measurements
              .map((m) =>
                m.msPerStep === undefined
                  ? t('race.status.failed', { backend: t(`backend.${m.name}`), reason: m.error ?? '' })
                  : t('race.status.ms', { backend: t(`backend.${m.name}`), ms: m.msPerStep.toFixed(0) }),
              )
              .join(', '),
            chosen: backendName,
          })}
        </p>
      )}
      {config && backend === 'cpu' && !chosenByUrl && (
        <p className="notice warn">
          {t('race.status.cpuBudget', {
            depths: config.ns.map(raceDepth).join(', '),
            width: config.width,
            steps: config.steps,
            batch: config.batch,
            images: config.valImages,
          })}
        </p>
      )}
      {state.phase === 'error' && (
        <p role="alert" className="notice error">
          {t('race.status.error', { message: state.error ?? '' })}
        </p>
      )}
    </div>
  );
}
