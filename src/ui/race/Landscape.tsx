/**
 * "Look at the loss surface": after a race, the loss around each trained network's weights on a
 * seeded random plane (src/explain/landscape/), computed in the race's worker with a progress
 * bar, an estimate said first and a cancel button, kept for the visit; PyTorch's 56-layer
 * reference beside it.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { describeLandscape } from '../../explain/landscape/describe';
import { LANDSCAPE_GRID, LANDSCAPE_IMAGES } from '../../explain/landscape/grid';
import { estimateLandscapeSeconds, landscapeSessionOf, type LandscapeState } from '../../explain/landscape/session';
import { raceEntries } from '../../explain/race/setup';
import { LANDSCAPE_DIRECTION_SEED } from '../../model/landscape';
import { LandscapeFigure } from './LandscapeFigure';
import { LandscapeFindings } from './LandscapeFindings';
import { sayDuration, sayRaceBackend } from './raceWords';
import { useRaceSession } from './RaceSessionContext';
import { useLandscapeReference } from './useLandscapeReference';
import { WorkerSilence } from './WorkerSilence';

const IDLE: LandscapeState = { phase: 'idle' };
const NONE = () => () => undefined;

export function Landscape({ grid }: { readonly grid: number }) {
  const { t } = useTranslation();
  const { session, state: race } = useRaceSession();
  const landscape = session ? landscapeSessionOf(session) : undefined;
  const state = useSyncExternalStore(landscape?.subscribe ?? NONE, landscape?.getState ?? (() => IDLE));
  const reference = useLandscapeReference();
  const finished = race.phase === 'done' && race.config && race.finishedAt;
  // a result (or a computation) of an earlier race or another grid is not this one's
  const current = finished && state.race === race.finishedAt && state.size === grid ? state : IDLE;
  const result = current.phase === 'done' ? current.result : undefined;
  const liveFindings = useMemo(() => (result ? describeLandscape(result.runs) : undefined), [result]);
  const refFindings = useMemo(() => (reference ? describeLandscape(reference.runs) : undefined), [reference]);
  const networks = race.config ? raceEntries(race.config).length : 0;
  const estimate =
    race.speed && race.config
      ? estimateLandscapeSeconds(race.speed, race.config, grid, LANDSCAPE_IMAGES, race.curves)
      : undefined;
  return (
    <section aria-labelledby="landscape-heading" className="race-landscape">
      <h3 id="landscape-heading">{t('landscape.heading')}</h3>
      <p>{t('landscape.intro')}</p>
      <p className="muted">
        {t('landscape.method', { size: grid, seed: LANDSCAPE_DIRECTION_SEED, images: LANDSCAPE_IMAGES })}
      </p>
      {grid !== LANDSCAPE_GRID && <p className="notice">{t('landscape.smallGrid', { size: grid })}</p>}
      {!finished && <p className="muted">{t('landscape.needRace')}</p>}
      {!result && reference && <p>{t('landscape.referenceFirst')}</p>}
      {finished && current.phase !== 'done' && (
        <div className="landscape-controls">
          {estimate !== undefined && (
            <p>
              {t('landscape.estimate', {
                points: grid * grid,
                count: networks,
                // the backend's name in the page's language, as the race's own status says it
                backend: race.backend ? sayRaceBackend(t, race.measurements, race.backend) : '',
                time: sayDuration(t, estimate),
              })}
            </p>
          )}
          {current.phase === 'computing' ? (
            <p className="landscape-progress">
              <progress
                max={current.progress?.total ?? 1}
                value={current.progress?.done ?? 0}
                aria-label={t('landscape.progressLabel')}
              />{' '}
              <span aria-live="polite">
                {current.progress
                  ? t('landscape.progress', {
                      done: current.progress.done,
                      total: current.progress.total,
                      time: sayDuration(t, current.progress.secondsLeft),
                    })
                  : t('landscape.starting')}
              </span>{' '}
              <button type="button" onClick={() => landscape?.cancel()}>
                {t('landscape.cancel')}
              </button>
            </p>
          ) : null}
          {current.phase === 'computing' ? (
            <WorkerSilence job="landscape" session={session} state={race} />
          ) : (
            <button type="button" className="primary" onClick={() => landscape?.start(grid, LANDSCAPE_IMAGES)}>
              {current.phase === 'error' ? t('landscape.retry') : t('landscape.start')}
            </button>
          )}
          {current.phase === 'error' && (
            <p role="alert" className="notice error">
              {t('landscape.error')}
            </p>
          )}
        </div>
      )}
      {/* PyTorch's 56-layer surfaces from the start; this race's beside them once computed */}
      {((result && liveFindings) || (reference && refFindings)) && (
        <>
          <LandscapeFigure
            live={result?.runs ?? []}
            {...(liveFindings ? { liveFindings } : {})}
            {...(reference && refFindings ? { reference: { runs: reference.runs, findings: refFindings } } : {})}
          />
          <LandscapeFindings
            {...(liveFindings ? { live: liveFindings } : {})}
            {...(refFindings && reference
              ? { reference: refFindings, referenceSteps: reference.runs.map((r) => r.steps) }
              : {})}
          />
        </>
      )}
    </section>
  );
}
