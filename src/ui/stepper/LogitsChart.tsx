/** The linear layer's output as what it is: one logit a class, a labelled bar from zero; softmax turns them into the probabilities beside. */
import { useTranslation } from 'react-i18next';
import { layoutLogits } from '../../viz/logitsChart';
import { useTextScale } from '../textScale';

export function LogitsChart({
  values,
  names,
  width,
}: {
  values: Float32Array;
  names: readonly string[];
  width: number;
}) {
  const { t } = useTranslation();
  const k = useTextScale();
  const layout = layoutLogits(values, names, Math.max(280 * k, Math.min(width, 640 * k)), k);
  return (
    <figure className="logits">
      <figcaption>{t('stepper.logits.title')}</figcaption>
      <svg width={layout.width} height={layout.height} role="list" aria-label={t('stepper.logits.title')}>
        <line x1={layout.zero} x2={layout.zero} y1={0} y2={layout.height} className="logit-zero" />
        {layout.bars.map((b) => (
          <g
            key={b.name}
            role="listitem"
            aria-label={`${b.name}: ${b.value.toFixed(2)}`}
            className={`logit${b.largest ? ' largest' : ''}${b.value < 0 ? ' negative' : ''}`}
          >
            <text x={8} y={b.y + b.h / 2 + 5 * k} className="bar-name">
              {b.name}
            </text>
            <rect x={b.x} y={b.y} width={Math.max(1, b.w)} height={b.h} rx={2} />
            <text x={layout.width - 50 * k} y={b.y + b.h / 2 + 5 * k} className="bar-value">
              {b.value.toFixed(2)}
            </text>
          </g>
        ))}
      </svg>
      <p className="notice">{t('stepper.logits.note')}</p>
    </figure>
  );
}
