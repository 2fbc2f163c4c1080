/** What this race measured, in sentences from its numbers, the paper's figures beside them, and what depth costs. */
import { useTranslation } from 'react-i18next';
import { finalLosses, describeRace, PAPER_CIFAR_RESNET_ERROR, verdictWindow } from '../../explain/race/describe';
import { imagesPerSecond, stepsDone, type RaceCurves } from '../../explain/race/curves';
import { raceEntries, type RaceConfig } from '../../explain/race/setup';
import { raceCost } from '../../model/raceNet';

export function RaceFindings({ config, curves }: { readonly config: RaceConfig; readonly curves: RaceCurves }) {
  const { t } = useTranslation();
  const entries = raceEntries(config);
  const steps = stepsDone(
    curves,
    entries.map((e) => e.id),
  );
  const sentences = describeRace(config, curves, steps);
  const window = verdictWindow(config.steps);
  const losses = finalLosses(curves, window);
  return (
    <section aria-labelledby="race-findings-heading" className="race-findings">
      <h3 id="race-findings-heading">{t('race.findings.heading')}</h3>
      {sentences.length ? (
        <ul className="race-claims" aria-live="polite">
          {sentences.map((s) => (
            <li key={s.key}>{t(`race.findings.${s.key}`, s.values)}</li>
          ))}
        </ul>
      ) : (
        <p className="notice">{t('race.findings.none')}</p>
      )}
      <p className="race-paper">
        {t('race.findings.paper', {
          errors: PAPER_CIFAR_RESNET_ERROR.map((p) => `ResNet-${p.depth} ${p.error} %`).join(', '),
        })}
      </p>
      <table className="stage-table race-cost">
        <caption>{t('race.cost.caption', { window })}</caption>
        <thead>
          <tr>
            {(['network', 'params', 'macs', 'msPerStep', 'imagesPerSecond', 'loss', 'accuracy'] as const).map((c) => (
              <th key={c} scope="col" className={c === 'network' ? undefined : 'num'}>
                {t(`race.cost.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const c = curves[e.id];
            const last = c?.loss.at(-1);
            const cost = raceCost(e.spec);
            const acc = c?.val.at(-1)?.accuracy;
            return (
              <tr key={e.id}>
                <th scope="row">{t('race.network', { family: t(`race.${e.spec.family}`), depth: e.depth })}</th>
                <td className="num">{cost.parameters.toLocaleString()}</td>
                <td className="num">{(cost.multiplyAdds / 1e6).toFixed(2)} M</td>
                <td className="num">{last ? ((1000 * last.seconds) / last.step).toFixed(0) : '—'}</td>
                <td className="num">{last ? imagesPerSecond(c, config.batch).toFixed(0) : '—'}</td>
                <td className="num">{losses[e.id]?.toFixed(3) ?? '—'}</td>
                <td className="num">{acc === undefined ? '—' : `${(100 * acc).toFixed(1)} %`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
