/**
 * What a finished run measured: the sweep in sentences (where the loss grew with depth,
 * and why that does not contradict nesting), every final loss, and the nested
 * construction, with each appended layer side by side. All words come from
 * src/explain/functionClasses/describe.ts, filled from the run.
 */
import { useTranslation } from 'react-i18next';
import {
  describeConstruction,
  describeIdentityDifference,
  describeSweep,
  explainGrowth,
  familyCurve,
  formatLoss,
  type Sentence,
} from '../../explain/functionClasses/describe';
import { APPENDED_LAYERS, FAMILIES, type ExperimentResult } from '../../explain/functionClasses/experimentSetup';

/** A sentence of the experiment, its family names translated and its lists said and joined in the page's language. */
function useSentence() {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const say = (s: Sentence): string => {
    const values: Record<string, string | number> = { ...s.values };
    for (const [k, f] of Object.entries(s.families ?? {})) values[k] = t(`functionClasses.experiment.${f}`);
    for (const [k, items] of Object.entries(s.lists ?? {})) values[k] = list.format(items.map(say));
    return t(`functionClasses.experiment.${s.key}`, values);
  };
  return say;
}

export function Measured({ result }: { readonly result: ExperimentResult }) {
  const { t } = useTranslation();
  const say = useSentence();
  const depth = result.config.constructionDepth;
  const steps = result.config.extraSteps;
  const why = explainGrowth(result.sweep, result.config);
  const difference = describeIdentityDifference(result.construction, result.config.width);
  const byLayer = new Map(result.construction.map((c) => [c.layer, c]));
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
      {why && <p className="fc-why">{say(why)}</p>}
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
            {APPENDED_LAYERS.map((l) => (
              <th scope="col" key={l} className="num">
                {t(`functionClasses.experiment.layer.${l}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.value}>
              <th scope="row">{r.label}</th>
              {APPENDED_LAYERS.map((l) => {
                const c = byLayer.get(l);
                return (
                  <td key={l} className="num">
                    {c ? formatLoss(c[r.value]) : '—'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="fc-measured">
        {result.construction.map((c) => (
          <li key={c.layer}>{say(describeConstruction(c))}</li>
        ))}
      </ul>
      {difference && <p className="fc-why">{say(difference)}</p>}
    </>
  );
}
