import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RACE_DATA_BYTES,
  TRAIN_COUNT,
  TRAIN_PER_CLASS,
  VAL_COUNT,
  VAL_FIRST_INDEX,
  VAL_PER_CLASS,
} from '../../explain/race/data';
import { chooseBudget, RACE_BUDGETS } from '../../explain/race/budgets';
import { nsFromDepths, withChoice, type RaceChoice } from '../../explain/race/setup';
import { browserBackendLoaders } from '../../model/browserBackends';
import type { BackendName } from '../../model/types';
import { probeAdapters } from '../../workers/adapters';
import { useModel } from '../runtime/ModelContext';
import { softwareBackends } from '../runtime/softwareBackends';
import { RaceCharts } from '../race/RaceCharts';
import { RaceControls } from '../race/RaceControls';
import { RaceDownload } from '../race/RaceDownload';
import { RaceFindings } from '../race/RaceFindings';
import { RaceLesion } from '../race/RaceLesion';
import { RaceGradients } from '../race/RaceGradients';
import { Landscape } from '../race/Landscape';
import { LessonRegion } from '../lesson/LessonRegion';
import { RaceStatus } from '../race/RaceStatus';
import { WorkerSilence } from '../race/WorkerSilence';
import { GradientCheck } from '../race/GradientCheck';
import { useRaceSession } from '../race/RaceSessionContext';
import { useRaceData } from '../race/useRaceData';
import '../race/race.css';
import type { PageProps } from './pageProps';

/** Chapter 4: plain and residual CNNs trained side by side in the browser, the degradation problem measured. */
export function RacePage({ state, update }: PageProps) {
  const { t } = useTranslation();
  const data = useRaceData();
  const model = useModel();
  const choice = useMemo<RaceChoice>(
    () => ({ ns: nsFromDepths(state.rdepths), width: state.rwidth, steps: state.rsteps }),
    [state.rdepths, state.rwidth, state.rsteps],
  );
  const { session, state: race } = useRaceSession();
  // before a race: the link's budget, else the one this device's measured speed gets, else the smallest
  const budget = state.rbudget !== 'auto' ? state.rbudget : race.speed ? chooseBudget(race.speed) : 'quick';
  const shown = race.config ?? withChoice(RACE_BUDGETS[budget], choice);
  const start = async () => {
    if (data.phase !== 'ready' || !session) return;
    await session.start({
      data: data.bytes,
      available: Object.keys(browserBackendLoaders) as BackendName[],
      software: softwareBackends(model.backend, await probeAdapters()),
      ...(state.backend !== 'auto' ? { requested: state.backend } : {}),
      budget: state.rbudget,
      choice,
    });
  };
  return (
    <section aria-labelledby="race-heading" className="chapter race">
      <h2 id="race-heading">{t('race.heading')}</h2>
      <p>{t('race.p1')}</p>
      <details className="race-recipe">
        <summary>{t('race.recipe')}</summary>
        <p>{t('race.p2')}</p>
        <p>{t('race.p3')}</p>
      </details>
      {data.phase === 'loading' && (
        <p className="race-data">
          {t('race.data.loading', { percent: Math.round(100 * data.fraction), mb: (RACE_DATA_BYTES / 1e6).toFixed(1) })}
          <progress max={1} value={data.fraction} aria-label={t('race.data.progress')} />
        </p>
      )}
      {data.phase === 'error' && (
        <p role="alert" className="notice error">
          {t('race.data.error')}
        </p>
      )}
      {data.phase === 'ready' && (
        <p className="race-data">
          {t('race.data.ready', {
            train: TRAIN_COUNT.toLocaleString(),
            perClass: TRAIN_PER_CLASS,
            val: VAL_COUNT.toLocaleString(),
            first: VAL_FIRST_INDEX.toLocaleString(),
            last: (VAL_FIRST_INDEX + VAL_PER_CLASS - 1).toLocaleString(),
          })}
        </p>
      )}
      <RaceControls
        phase={race.phase}
        ready={data.phase === 'ready' && !!session}
        ns={choice.ns?.length ? choice.ns : shown.ns}
        state={state}
        choice={choice}
        speed={race.speed}
        update={update}
        onStart={() => void start()}
        onPause={() => session?.pause()}
        onResume={() => session?.resume()}
        onReset={() => session?.reset()}
      />
      <RaceStatus state={race} />
      <WorkerSilence job="race" session={session} state={race} />
      <GradientCheck backend={race.backend ?? state.backend} ns={shown.ns} width={shown.width} />
      <RaceDownload state={race} />
      <RaceCharts config={shown} curves={race.curves} />
      <RaceFindings config={shown} curves={race.curves} />
      <RaceLesion session={session} state={race} config={shown} />
      <RaceGradients config={shown} curves={race.curves} />
      <LessonRegion name="race-landscape">
        <Landscape grid={Number(state.lgrid)} />
      </LessonRegion>
    </section>
  );
}
