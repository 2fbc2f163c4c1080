/** The notebook's first figure as a step-through: two panels sharing one f*, a stepper, captions and the distance chart. */
import { useEffect, useMemo, useRef } from 'react';
import type { Point } from '../../explain/functionClasses/ellipse';
import { useTranslation } from 'react-i18next';
import { SvgFigureDownload } from '../FigureDownload';
import { d3Slides } from '../slidesFigure';
import { panelSummaryKey } from '../../explain/functionClasses/captions';
import { bestFits, CLASS_COUNT, DEFAULT_TRUTH, PANELS, panelRegions } from '../../explain/functionClasses/regions';
import { distanceChart } from '../../viz/functionClassesDistances';
import { drawLineChart } from '../../viz/lineChart';
import { PALETTE } from '../../viz/palette';
import { FigurePanel } from './FigurePanel';
import { useTextScale } from '../textScale';
import './classes.css';

/** Non-nested classes in the plain networks' colour, nested in the residual networks'. */
export const PANEL_COLOURS = { nonNested: PALETTE.plain, nested: PALETTE.residual } as const;

interface Props {
  readonly step: number;
  readonly onStep: (step: number) => void;
  /** The truth f*, kept in the link so a dragged position can be shared. */
  readonly truth: Point;
  readonly onTruth: (truth: Point) => void;
}

export function FunctionClassesFigure({ step, onStep, truth, onTruth: setTruth }: Props) {
  const { t } = useTranslation();
  const fits = useMemo(() => Object.fromEntries(PANELS.map((p) => [p, bestFits(panelRegions(p), truth)])), [truth]);
  const chartRef = useRef<SVGSVGElement>(null);
  const textScale = useTextScale();

  const distances = useMemo(
    () => ({
      series: PANELS.map((p) => ({
        name: t(`functionClasses.figure.short.${p}`),
        colour: PANEL_COLOURS[p],
        values: fits[p]!.map((f) => f.distance),
      })),
      shown: step,
      xLabel: t('functionClasses.figure.classAxis'),
      yLabel: t('functionClasses.figure.distanceAxis'),
    }),
    [fits, step, t],
  );
  useEffect(() => {
    if (chartRef.current) drawLineChart(chartRef.current, distanceChart(distances), textScale);
  }, [distances, textScale]);

  return (
    <section aria-labelledby="fc-figure-heading" className="fc-figure">
      <h3 id="fc-figure-heading">{t('functionClasses.figure.heading')}</h3>
      <div className="fc-stepper" role="group" aria-label={t('functionClasses.figure.stepLabel')}>
        <button type="button" onClick={() => onStep(step - 1)} disabled={step <= 1}>
          ← {t('functionClasses.figure.prev')}
        </button>
        <label className="fc-range">
          <span className="visually-hidden">{t('functionClasses.figure.stepLabel')}</span>
          <input
            type="range"
            min={1}
            max={CLASS_COUNT}
            step={1}
            value={step}
            aria-valuetext={`F${step}`}
            onChange={(e) => onStep(Number(e.target.value))}
          />
        </label>
        <output className="fc-step-of" aria-live="polite">
          {t('functionClasses.figure.stepOf', { i: step, n: CLASS_COUNT })}
        </output>
        <button type="button" onClick={() => onStep(step + 1)} disabled={step >= CLASS_COUNT}>
          {t('functionClasses.figure.next')} →
        </button>
        <button type="button" className="secondary" onClick={() => setTruth(DEFAULT_TRUTH)}>
          {t('functionClasses.figure.reset')}
        </button>
      </div>
      <p className="notice">{t('functionClasses.figure.dragHint')}</p>
      <div className="fc-panels">
        {PANELS.map((p) => (
          <FigurePanel key={p} panel={p} fits={fits[p]!} step={step} truth={truth} onTruth={setTruth} />
        ))}
      </div>
      <div className="fc-below">
        <figure className="fc-distances">
          <figcaption>{t('functionClasses.figure.distanceTitle')}</figcaption>
          <svg ref={chartRef} role="img" aria-label={t('functionClasses.figure.distanceTitle')} />
          <SvgFigureDownload
            info={{ title: t('functionClasses.figure.distanceTitle'), step: `F${step}` }}
            svgRef={chartRef}
            slidesDraw={d3Slides((svg, k) => drawLineChart(svg, distanceChart(distances), k))}
            slidesClasses="fc-distances"
          />
        </figure>
        <div className="fc-summary">
          {PANELS.map((p) => (
            <p key={p}>{t(`functionClasses.figure.summary.${panelSummaryKey(p, fits[p]!)}`)}</p>
          ))}
          <blockquote className="fc-notebook" lang={undefined}>
            <p>{t('functionClasses.figure.notebook1')}</p>
            <p>{t('functionClasses.figure.notebook2')}</p>
          </blockquote>
        </div>
      </div>
    </section>
  );
}
