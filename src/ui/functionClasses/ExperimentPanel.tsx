/** The live experiment: run button, progress, charts, what the run measured, and the exact nested construction. */
import { useTranslation } from 'react-i18next';
import { experimentWithSteps, parameterCount } from '../../explain/functionClasses/experimentSetup';
import { fromRecorded, type RecordedRun } from '../../explain/functionClasses/recorded';
import RECORDED_RUN from '../../explain/functionClasses/__fixtures__/recordedExperiment.json';
import type { BackendName } from '../../model/types';
import { useLessonTask } from '../lesson/lessonTasks';
import { useMemo } from 'react';
import { useBackendLabel } from '../runtime/backendLabel';
import { useModel } from '../runtime/ModelContext';
import { ExperimentCharts } from './ExperimentCharts';
import { Measured } from './ExperimentMeasured';
import { useExperiment } from './useExperiment';

/** One run kept from `npm run record-experiment`: shown, labelled, until a live run here replaces it. */
const RECORDED = RECORDED_RUN as RecordedRun;

/** `steps`: Adam steps per network from the link (`fsteps`; 0: the default run's). */
export function ExperimentPanel({ steps }: { readonly steps: number }) {
  const { t } = useTranslation();
  const config = useMemo(() => experimentWithSteps(steps), [steps]);
  const deepest = Math.max(...config.depths);
  const label = useBackendLabel();
  // the page's one measured choice: the experiment trains where the network runs
  const runtime = useModel().backend;
  const choice = useMemo(() => (runtime ? { name: runtime.name, software: runtime.software } : undefined), [runtime]);
  const { state, run, stop } = useExperiment(choice, config);
  const busy = state.phase === 'starting' || state.phase === 'running';
  // the lesson's clicker runs it (the first PageDown, or Enter, on its stop)
  useLessonTask('runExperiment', () => {
    if (busy || state.phase === 'done') return false;
    run();
    return true;
  });
  const progress = state.phase === 'running' || state.phase === 'stopped' ? state.progress : undefined;
  const recorded = useMemo(() => fromRecorded(RECORDED), []);
  const live = state.phase === 'done' ? state.result : undefined;
  // until a live run finishes, what the experiment measures is shown from the recorded run, labelled so
  const result = live ?? (busy ? undefined : recorded);
  const measured = live ?? recorded;
  const sweep = result?.sweep ?? progress?.finished ?? [];
  const percent = progress ? Math.round((100 * progress.done) / progress.total) : 0;

  return (
    <section aria-labelledby="fc-exp-heading" className="fc-experiment">
      <h3 id="fc-exp-heading">{t('functionClasses.experiment.heading')}</h3>
      <p>
        {t('functionClasses.experiment.intro', {
          points: config.points,
          width: config.width,
          lr: config.learningRate,
          steps: config.steps,
          seed: config.seed,
          depths: config.depths.join(', '),
          deepest: deepest,
          plainParams: parameterCount('plain', deepest, config.width).toLocaleString(),
          residualParams: parameterCount('residual', deepest, config.width).toLocaleString(),
        })}
      </p>
      <div className="fc-run">
        <button type="button" onClick={run} disabled={busy}>
          {state.phase === 'idle' ? t('functionClasses.experiment.run') : t('functionClasses.experiment.again')}
        </button>
        {busy && (
          <button type="button" className="secondary" onClick={stop}>
            {t('functionClasses.experiment.stop')}
          </button>
        )}
        {busy && <progress max={100} value={percent} aria-label={t('functionClasses.experiment.progressLabel')} />}
        <p role="status" className="notice">
          {state.phase === 'starting' && t('functionClasses.experiment.starting')}
          {state.phase === 'running' &&
            progress &&
            t(`functionClasses.experiment.${progress.phase === 'sweep' ? 'progress' : 'progressConstruction'}`, {
              family: t(`functionClasses.experiment.${progress.family}`),
              layer: progress.layer ? t(`functionClasses.experiment.layer.${progress.layer}`) : '',
              depth: progress.depth,
              backend: label(state.backend.name, state.backend.software),
              percent,
            })}
          {state.phase === 'done' &&
            t('functionClasses.experiment.ranOn', {
              backend: label(state.backend.name, state.backend.software),
              seconds: (state.result.milliseconds / 1000).toFixed(1),
            })}
          {state.phase === 'stopped' && t('functionClasses.experiment.stopped')}
        </p>
        {state.phase === 'error' && (
          <p role="alert" className="notice error">
            {t('functionClasses.experiment.error', { message: state.message })}
          </p>
        )}
      </div>
      {!live && (
        <p className="notice fc-recorded" data-recorded="">
          {t('functionClasses.experiment.recorded', {
            date: RECORDED.date,
            backend: label(recorded.backend as BackendName, false),
            seconds: (recorded.milliseconds / 1000).toFixed(0),
          })}
        </p>
      )}
      <ExperimentCharts config={config} sweep={sweep} {...(result ? { result } : {})} />
      <Measured result={measured} />
    </section>
  );
}
