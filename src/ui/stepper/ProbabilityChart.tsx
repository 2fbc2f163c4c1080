/** Class probabilities as bars; the predicted class and the true label marked. */
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutProbabilities } from '../../viz/probabilityChart';
import { useElementWidth } from './useElementWidth';
import { useTextScale } from '../textScale';
import './inputs.css';

export interface ProbabilityChartProps {
  readonly probabilities: readonly number[];
  readonly names: readonly string[];
  readonly truth?: number;
  /** Held-out accuracy in [0, 1] from the weights' metadata. */
  readonly accuracy?: number;
  /** How many held-out images the accuracy was measured on, if the metadata says. */
  readonly accuracyImages?: number;
  readonly randomWeights: boolean;
  /** Whose weights these are when it matters: `untrained`, `your weights`. */
  readonly badge?: string;
  /** The input is random noise (torch.rand): there is nothing to recognise. */
  readonly noise?: boolean;
}

/** Memoised: stepping through a trace leaves its probabilities as they are. */
export const ProbabilityChart = memo(function ProbabilityChart({
  probabilities,
  names,
  truth,
  accuracy,
  accuracyImages,
  randomWeights,
  badge,
  noise = false,
}: ProbabilityChartProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref, 320);
  const k = useTextScale();
  const layout = layoutProbabilities(probabilities, names, width, truth, k);
  const shownBadge = badge ?? (randomWeights ? t('weightsFile.untrained') : undefined);
  return (
    <section className="probabilities" aria-labelledby="probs-heading">
      <h3 id="probs-heading">
        {t('stepper.probs.title')}
        {shownBadge && <span className="badge"> ({shownBadge})</span>}
      </h3>
      {randomWeights && <p className="notice warn">{t('stepper.probs.random')}</p>}
      {noise && !randomWeights && <p className="notice warn">{t('stepper.probs.noise')}</p>}
      {accuracy !== undefined && (
        <p className="notice accuracy">
          {accuracyImages
            ? t('stepper.probs.accuracyOf', {
                accuracy: (accuracy * 100).toFixed(1),
                images: accuracyImages.toLocaleString(),
              })
            : t('stepper.probs.accuracy', { accuracy: (accuracy * 100).toFixed(1) })}
        </p>
      )}
      {/* measured inside the panel's padding, so the values beside long bars stay in the panel */}
      <div ref={ref}>
        <svg width={layout.width} height={layout.height} role="list" aria-label={t('stepper.probs.chart')}>
          {layout.bars.map((b) => {
            const marks = [b.predicted ? t('stepper.probs.predicted') : '', b.truth ? t('stepper.probs.truth') : '']
              .filter(Boolean)
              .join(', ');
            const pct = `${(b.p * 100).toFixed(2)} %`;
            return (
              <g
                key={b.index}
                role="listitem"
                aria-label={`${b.name}: ${pct}${marks ? ` (${marks})` : ''}`}
                data-p={b.p}
                transform={`translate(0, ${b.y})`}
                className={`bar${b.predicted ? ' predicted' : ''}${b.truth ? ' truth' : ''}`}
              >
                <text x={layout.x0 - 8} y={b.h / 2 + 5 * k} textAnchor="end" className="bar-name">
                  {b.truth ? '✓ ' : ''}
                  {b.name}
                </text>
                <rect x={layout.x0} width={Math.max(1, b.w)} height={b.h} rx={3} />
                <text x={layout.x0 + b.w + 6} y={b.h / 2 + 5 * k} className="bar-value">
                  {(b.p * 100).toFixed(1)} %
                </text>
              </g>
            );
          })}
          {layout.ticks.map((tk) => (
            <text key={tk.value} x={tk.x} y={layout.height - 4 * k} textAnchor="middle" className="tick">
              {Math.round(tk.value * 100)} %
            </text>
          ))}
        </svg>
      </div>
      <p className="chart-key">
        <span className="key predicted" /> {t('stepper.probs.predicted')}
        {truth !== undefined && (
          <>
            {' '}
            <span className="key truth">✓</span> {t('stepper.probs.truth')}
          </>
        )}
      </p>
    </section>
  );
});
