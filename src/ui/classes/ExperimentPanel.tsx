/** The live experiment: run button, progress, charts, what the run measured, and the exact nested construction. */
import { useTranslation } from 'react-i18next';
import {
  describeConstruction,
  describeSweep,
  familyCurve,
  formatLoss,
  type Sentence,
} from '../../explain/functionClasses/describe';
import { DEFAULT_EXPERIMENT, type ExperimentResult } from '../../explain/functionClasses/experimentSetup';
import { FAMILIES, parameterCount } from '../../explain/functionClasses/experimentSetup';
import type { BackendParam } from '../urlState';
import { ExperimentCharts } from './ExperimentCharts';
import { useExperiment } from './useExperiment';

const CONFIG = DEFAULT_EXPERIMENT;
const DEEPEST = Math.max(...CONFIG.depths);

export function ExperimentPanel({ backend }: { readonly backend: BackendParam }) {
  const { t } = useTranslation();
  const { state, run, stop } = useExperiment(backend, CONFIG);
  const busy = state.phase === 'starting' || state.phase === 'running';
  const progress = state.phase === 'running' || state.phase === 'stopped' ? state.progress : undefined;
  const result = state.phase === 'done' ? state.result : undefined;
  const sweep = result?.sweep ?? progress?.finished ?? [];
  const percent = progress ? Math.round((100 * progress.done) / progress.total) : 0;

  return (
    <section aria-labelledby="fc-exp-heading" className="fc-experiment">
      <h3 id="fc-exp-heading">{t('functionClasses.experiment.heading')}</h3>
      <p>
        {t('functionClasses.experiment.intro', {
          points: CONFIG.points,
          width: CONFIG.width,
          lr: CONFIG.learningRate,
          steps: CONFIG.steps,
          seed: CONFIG.seed,
          depths: CONFIG.depths.join(', '),
          deepest: DEEPEST,
          plainParams: parameterCount('plain', DEEPEST, CONFIG.width).toLocaleString(),
          residualParams: parameterCount('residual', DEEPEST, CONFIG.width).toLocaleString(),
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
              depth: progress.depth,
              backend: t(`backend.${state.backend}`),
              percent,
            })}
          {state.phase === 'done' &&
            t('functionClasses.experiment.ranOn', {
              backend: t(`backend.${state.backend}`),
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
      <ExperimentCharts config={CONFIG} sweep={sweep} {...(result ? { result } : {})} />
      {result && <Measured result={result} />}
    </section>
  );
}

function useSentence() {
  const { t } = useTranslation();
  return (s: Sentence) => {
    const values: Record<string, string | number> = { ...s.values };
    for (const [k, f] of Object.entries(s.families ?? {})) values[k] = t(`functionClasses.experiment.${f}`);
    return t(`functionClasses.experiment.${s.key}`, values);
  };
}

function Measured({ result }: { readonly result: ExperimentResult }) {
  const { t } = useTranslation();
  const say = useSentence();
  const depth = result.config.constructionDepth;
  const steps = result.config.extraSteps;
  const byFamily = Object.fromEntries(result.construction.map((c) => [c.family, c]));
  const rows = [
    { label: t('functionClasses.experiment.lossBefore', { depth }), value: 'lossBefore' },
    { label: t('functionClasses.experiment.maxChange'), value: 'maxAbsChange' },
    { label: t('functionClasses.experiment.lossAfterAppend', { deeper: depth + 1 }), value: 'lossAfterAppend' },
    { label: t('functionClasses.experiment.lossAfterTraining', { steps }), value: 'lossAfterTraining' },
  ] as const;
  return (
    <>
      <h4>{t('functionClasses.experiment.measuredHeading')}</h4>
      <ul className="fc-measured">
        {describeSweep(result.sweep).map((s, i) => (
          <li key={i}>{say(s)}</li>
        ))}
      </ul>
      <details>
        <summary>{t('functionClasses.experiment.numbers')}</summary>
        <table className="stage-table fc-construction">
          <thead>
            <tr>
              <th scope="col">{t('functionClasses.experiment.depth')}</th>
              {FAMILIES.map((f) => (
                <th scope="col" key={f} className="num">
                  {t(`functionClasses.experiment.${f}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.config.depths.map((d) => (
              <tr key={d}>
                <th scope="row">{d}</th>
                {FAMILIES.map((f) => (
                  <td key={f} className="num">
                    {formatLoss(familyCurve(result.sweep, f).find((p) => p.depth === d)?.loss ?? NaN)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <h4>{t('functionClasses.experiment.constructionHeading')}</h4>
      <p>{t('functionClasses.experiment.constructionIntro', { depth, steps })}</p>
      <table className="stage-table fc-construction">
        <thead>
          <tr>
            <th scope="col">{t('functionClasses.experiment.quantity')}</th>
            {FAMILIES.map((f) => (
              <th scope="col" key={f} className="num">
                {t(`functionClasses.experiment.${f}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.value}>
              <th scope="row">{r.label}</th>
              {FAMILIES.map((f) => (
                <td key={f} className="num">
                  {byFamily[f] ? formatLoss(byFamily[f][r.value]) : '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="fc-measured">
        {result.construction.map((c) => (
          <li key={c.family}>{say(describeConstruction(c))}</li>
        ))}
      </ul>
    </>
  );
}
