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
import { nsFromDepths, raceConfigFor, type RaceChoice } from '../../explain/race/setup';
import { RaceCharts } from '../race/RaceCharts';
import { RaceControls } from '../race/RaceControls';
import { RaceFindings } from '../race/RaceFindings';
import { RaceGradients } from '../race/RaceGradients';
import { RaceStatus } from '../race/RaceStatus';
import { GradientCheck } from '../race/GradientCheck';
import { useRace } from '../race/useRace';
import { useRaceData } from '../race/useRaceData';
import '../race/race.css';
import type { PageProps } from './pageProps';

/** Chapter 4: plain and residual CNNs trained side by side in the browser, the degradation problem measured. */
export function RacePage({ state, update }: PageProps) {
  const { t } = useTranslation();
  const data = useRaceData();
  const choice = useMemo<RaceChoice>(
    () => ({ ns: nsFromDepths(state.rdepths), width: state.rwidth, steps: state.rsteps }),
    [state.rdepths, state.rwidth, state.rsteps],
  );
  // WASM cannot train convolutions: a forced wasm backend means "choose by measurement"
  const race = useRace(state.backend === 'wasm' ? 'auto' : state.backend, choice);
  const config = race.state.config;
  const shown = config ?? raceConfigFor('webgpu', choice);
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
          {t('race.data.error', { message: data.message })}
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
        phase={race.state.phase}
        ready={data.phase === 'ready'}
        ns={choice.ns?.length ? choice.ns : shown.ns}
        state={state}
        update={update}
        onStart={() => data.phase === 'ready' && race.start(data.bytes)}
        onPause={race.pause}
        onResume={race.resume}
        onReset={race.reset}
      />
      <RaceStatus state={race.state} chosenByUrl={!!(choice.ns?.length && choice.width && choice.steps)} />
      <GradientCheck backend={race.state.backend ?? state.backend} ns={shown.ns} width={shown.width} />
      <RaceCharts config={shown} curves={race.state.curves} />
      <RaceFindings config={shown} curves={race.state.curves} />
      <RaceGradients config={shown} curves={race.state.curves} />
    </section>
  );
}
