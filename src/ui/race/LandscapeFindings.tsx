/** What this race's loss surface shows, in sentences written from its numbers (src/explain/landscape/describe.ts). */
import { useTranslation } from 'react-i18next';
import { formatLoss, formatShare, type LandscapeFindings as Findings } from '../../explain/landscape/describe';

export function LandscapeFindings(props: {
  /** This race's findings (absent before a race: PyTorch's reference alone). */
  readonly live?: Findings;
  readonly reference?: Findings;
  /** Each reference run's training steps, in its order. */
  readonly referenceSteps?: readonly number[];
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { live, reference } = props;
  const deepest = Math.max(...(live?.runs ?? []).map((r) => r.depth));
  const refRun = (family: string) => reference?.runs.find((r) => r.family === family);
  const stepsOf = (family: string) =>
    props.referenceSteps?.[reference?.runs.findIndex((r) => r.family === family) ?? -1];
  const plain = refRun('plain');
  const residual = refRun('residual');
  return (
    <section aria-labelledby="landscape-findings-heading" className="race-findings landscape-findings">
      <h4 id="landscape-findings-heading">{t('landscape.findings.heading')}</h4>
      {live && (
        <ul>
          {live.runs.map((r) => (
            <li key={r.id} data-network={r.id}>
              {t('landscape.findings.run', {
                network: t('race.network', { family: t(`race.${r.family}`), depth: r.depth }),
                centre: formatLoss(r.centre, locale),
                radius: live.radius,
                rise: formatLoss(r.rise, locale),
                share: formatShare(r.nonConvex),
              })}
            </li>
          ))}
        </ul>
      )}
      {live?.contrast && <p>{t(`landscape.findings.${live.contrast.verdict}`, { depth: live.contrast.depth })}</p>}
      {live?.shallow && <p>{t('landscape.findings.shallow', { depth: deepest })}</p>}
      {plain && residual && (
        <p>
          {t('landscape.findings.reference', {
            plainSteps: stepsOf('plain'),
            residualSteps: stepsOf('residual'),
            radius: reference!.radius,
            plainRise: formatLoss(plain.rise, locale),
            plainShare: formatShare(plain.nonConvex),
            residualRise: formatLoss(residual.rise, locale),
            residualShare: formatShare(residual.nonConvex),
          })}
        </p>
      )}
      <p className="muted">{t('landscape.findings.planeOnly')}</p>
    </section>
  );
}
