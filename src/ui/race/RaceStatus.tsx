/** Where the race trains and why, the budget and how long it takes here, how far it is, what went wrong. */
import { useTranslation } from 'react-i18next';
import { secondsLeft } from '../../explain/race/budgets';
import { stepsDone } from '../../explain/race/curves';
import type { RaceSessionState } from '../../explain/race/session';
import { raceEntries } from '../../explain/race/setup';
import type { BackendName } from '../../model/types';
import { sayDuration, sayRaceBackend } from './raceWords';

export function RaceStatus({ state }: { readonly state: RaceSessionState }) {
  const { t } = useTranslation();
  const { config, backend, measurements, phase } = state;
  const done = config
    ? stepsDone(
        state.curves,
        raceEntries(config).map((e) => e.id),
      )
    : 0;
  const say = (name: BackendName) => sayRaceBackend(t, measurements, name);
  const backendName = backend ? say(backend) : '';
  const left = config
    ? secondsLeft({
        steps: config.steps,
        done,
        runningSeconds: state.runningSeconds,
        ...(state.estimateSeconds !== undefined ? { estimate: state.estimateSeconds } : {}),
      })
    : undefined;
  const budgetName = state.budget ? t(`race.status.budgetNames.${state.budget}`) : '';
  return (
    <div className="race-status">
      <p role="status" className="notice" data-phase={phase} data-backend={backend ?? ''}>
        {phase === 'measuring' && t('race.status.measuring')}
        {phase === 'running' && t('race.status.running', { backend: backendName, done, steps: config?.steps ?? 0 })}
        {phase === 'paused' && t('race.status.paused', { done, steps: config?.steps ?? 0 })}
        {phase === 'done' &&
          t('race.status.done', {
            backend: backendName,
            count: config?.steps ?? 0,
            time: sayDuration(t, state.runningSeconds),
          })}
      </p>
      {config && (phase === 'running' || phase === 'paused') && (
        <div className="race-progress">
          <progress max={config.steps} value={done} aria-label={t('race.status.progress')} />
          {left !== undefined && <span>{t('race.status.timeLeft', { time: sayDuration(t, left) })}</span>}
        </div>
      )}
      {config && state.estimateSeconds !== undefined && phase !== 'idle' && (
        <p className="race-expected">
          {t('race.status.expected', { time: sayDuration(t, state.estimateSeconds), backend: backendName })}{' '}
          {state.budgetByPage
            ? t('race.status.budgetByPage', { name: budgetName })
            : t('race.status.budgetByTeacher', { name: budgetName })}
        </p>
      )}
      {measurements && backend && (
        <p className="race-measured">
          {t('race.status.measured', {
            list: measurements
              .map((m) =>
                m.msPerStep === undefined
                  ? t(`race.status.failure.${m.failure ?? 'failed'}`, {
                      backend: say(m.name),
                      seconds: Math.round((m.limitMs ?? 0) / 1000),
                    })
                  : t('race.status.ms', { backend: say(m.name), ms: m.msPerStep.toFixed(0) }),
              )
              .join(t('race.status.separator')),
            chosen: backendName,
          })}
        </p>
      )}
      {phase === 'error' && (
        <p role="alert" className="notice error">
          {backend ? t('race.status.trainingFailed', { backend: backendName }) : t('race.status.noBackend')}
        </p>
      )}
    </div>
  );
}
