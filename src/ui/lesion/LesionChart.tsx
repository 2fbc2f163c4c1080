/** The lesion study's bar chart: accuracy with each block removed, the intact network's and chance marked; PNG/SVG download. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pct, type LesionBar } from '../../explain/lesion/describe';
import { layoutLesionChart, LESION_COLOURS } from '../../viz/lesionChart';
import { SvgFigureDownload } from '../FigureDownload';
import { reactSlides } from '../slidesFigure';
import { useElementWidth } from '../stepper/useElementWidth';
import { useTextScale } from '../textScale';
import { PALETTE } from '../../viz/palette';

export function LesionChart({ bars, chance }: { readonly bars: readonly LesionBar[]; readonly chance: number }) {
  const { t } = useTranslation();
  const k = useTextScale();
  const box = useRef<HTMLElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = Math.max(360 * k, Math.min(useElementWidth(box, 640), 760 * k));
  const title = t('lesion.chartTitle');
  const layout = layoutLesionChart(
    bars.map((b) => ({
      label: b.removed ?? t('lesion.none'),
      accuracy: b.accuracy,
      intact: b.removed === null,
      downsamples: b.downsamples,
    })),
    chance,
    width,
    k,
  );
  const { plot } = layout;
  const font = 13 * k;
  return (
    <figure className="lesion-chart" ref={box}>
      <figcaption>{title}</figcaption>
      <svg ref={svg} width={layout.width} height={layout.height} role="img" aria-label={title}>
        {layout.yTicks.map((tick) => (
          <g key={tick.label} className="lesion-tick">
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke={PALETTE.rule} />
            <text x={plot.left - 6 * k} y={tick.y} textAnchor="end" dominantBaseline="middle" fontSize={font}>
              {tick.label}
            </text>
          </g>
        ))}
        <g role="list" aria-label={title}>
          {layout.bars.map((b, i) => {
            const accuracy = pct(b.accuracy);
            const label = b.intact
              ? t('lesion.barIntact', { accuracy })
              : t('lesion.barLabel', { block: b.label, accuracy });
            return (
              <g
                key={b.label}
                role="listitem"
                aria-label={label}
                data-removed={bars[i]?.removed ?? ''}
                data-accuracy={accuracy}
              >
                <rect x={b.x} y={b.y} width={b.w} height={Math.max(1, b.h)} fill={b.colour} rx={2} />
                <text x={b.cx} y={b.y - 4 * k} textAnchor="middle" fontSize={font * 0.9}>
                  {accuracy}
                </text>
                <text x={b.cx} y={plot.bottom + 16 * k} textAnchor="middle" fontSize={font}>
                  {b.label}
                </text>
              </g>
            );
          })}
        </g>
        <line
          x1={plot.left}
          x2={plot.right}
          y1={layout.intactY}
          y2={layout.intactY}
          stroke={LESION_COLOURS.intact}
          strokeDasharray="6 4"
          strokeWidth={1.5 * k}
        />
        <text x={plot.right + 6 * k} y={layout.intactY} dominantBaseline="middle" fontSize={font}>
          {t('lesion.intactLine', { accuracy: pct(bars.find((b) => b.removed === null)?.accuracy ?? 0) })}
        </text>
        <line
          x1={plot.left}
          x2={plot.right}
          y1={layout.chanceY}
          y2={layout.chanceY}
          stroke={PALETTE.line}
          strokeDasharray="2 3"
          strokeWidth={1.5 * k}
        />
        <text x={plot.right + 6 * k} y={layout.chanceY} dominantBaseline="middle" fontSize={font}>
          {t('lesion.chance')}
        </text>
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={PALETTE.ink} />
        <text x={(plot.left + plot.right) / 2} y={layout.height - 10 * k} textAnchor="middle" fontSize={font}>
          {t('lesion.axisX')}
        </text>
        <text
          transform={`translate(${16 * k},${(plot.top + plot.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={font}
        >
          {t('lesion.axisY')}
        </text>
      </svg>
      <ul className="lesion-legend">
        <li>
          <span className="swatch" style={{ background: LESION_COLOURS.same }} />
          {t('lesion.legendSame')}
        </li>
        <li>
          <span className="swatch" style={{ background: LESION_COLOURS.down }} />
          {t('lesion.legendDown')}
        </li>
      </ul>
      <SvgFigureDownload
        info={{ title }}
        svgRef={svg}
        slidesDraw={reactSlides(<LesionChart bars={bars} chance={chance} />)}
        slidesClasses="lesion-slides"
      />
    </figure>
  );
}
