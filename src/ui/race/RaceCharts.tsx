/** The race's live charts: training loss and validation accuracy against steps or seconds, with the reference run. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SvgFigureDownload } from '../FigureDownload';
import { d3Slides } from '../slidesFigure';
import type { RaceCurves } from '../../explain/race/curves';
import { referenceFor } from '../../explain/race/reference';
import { SMOOTH, smooth } from '../../explain/race/smoothLoss';
import { raceEntries, type RaceConfig } from '../../explain/race/setup';
import { curveChart, type CurveChartData, type CurveSeries } from '../../viz/curveChart';
import { drawLineChart } from '../../viz/lineChart';
import { raceColour } from './raceColours';
import { useTextScale } from '../textScale';

function Chart({ title, data }: { readonly title: string; readonly data: CurveChartData }) {
  const ref = useRef<SVGSVGElement>(null);
  const textScale = useTextScale();
  useEffect(() => {
    if (ref.current) drawLineChart(ref.current, curveChart(data), textScale);
  }, [data, textScale]);
  return (
    <figure className="race-chart">
      <figcaption>{title}</figcaption>
      <svg ref={ref} role="img" aria-label={title} />
      <SvgFigureDownload
        info={{ title }}
        svgRef={ref}
        slidesDraw={d3Slides((svg, k) => drawLineChart(svg, curveChart(data), k))}
        slidesClasses="race-chart"
      />
    </figure>
  );
}

export function RaceCharts({ config, curves }: { readonly config: RaceConfig; readonly curves: RaceCurves }) {
  const { t } = useTranslation();
  const [axis, setAxis] = useState<'steps' | 'seconds'>('steps');
  const entries = useMemo(() => raceEntries(config), [config]);
  const reference = useMemo(() => referenceFor(config), [config]);
  const name = useCallback(
    (family: string, depth: number) => t('race.network', { family: t(`race.${family}`), depth }),
    [t],
  );

  const charts = useMemo(() => {
    const bySteps = axis === 'steps';
    const live = (metric: 'loss' | 'val'): CurveSeries[] =>
      entries.map((e) => {
        const c = curves[e.id];
        const xs = (p: { step: number; seconds: number }) => (bySteps ? p.step : p.seconds);
        const ys = metric === 'loss' ? smooth(c?.loss.map((p) => p.loss) ?? []) : [];
        return {
          name: name(e.spec.family, e.depth),
          colour: raceColour(e.spec.family, e.spec.n, config.ns),
          dots: metric === 'val',
          points:
            metric === 'loss'
              ? (c?.loss ?? []).map((p, i) => ({ x: xs(p), y: ys[i]! }))
              : (c?.val ?? []).map((p) => ({ x: xs(p), y: p.accuracy })),
        };
      });
    const ref = (metric: 'loss' | 'val'): CurveSeries[] =>
      !bySteps || !reference
        ? []
        : entries.flatMap((e) => {
            const r = reference.runs.find((q) => q.family === e.spec.family && q.n === e.spec.n);
            if (!r) return [];
            const ys = smooth(r.loss);
            return [
              {
                name: `${name(e.spec.family, e.depth)} ${t('race.referenceShort')}`,
                colour: raceColour(e.spec.family, e.spec.n, config.ns),
                dashed: true,
                dots: metric === 'val',
                points:
                  metric === 'loss'
                    ? ys.map((y, i) => ({ x: i + 1, y }))
                    : r.val.map(([step, acc]) => ({ x: step!, y: acc! })),
              },
            ];
          });
    const maxSeconds = Math.max(0, ...Object.values(curves).map((c) => c.loss.at(-1)?.seconds ?? 0));
    const xLabel = bySteps ? t('race.stepsAxis') : t('race.secondsAxis');
    const xMax = bySteps ? config.steps : Math.max(1, maxSeconds);
    return {
      loss: { series: [...ref('loss'), ...live('loss')], xLabel, yLabel: t('race.lossAxis', { smooth: SMOOTH }), xMax },
      val: {
        series: [...ref('val'), ...live('val')],
        xLabel,
        yLabel: t('race.accuracyAxis'),
        xMax,
        yDomain: [0, 1] as const,
        yFormat: (y: number) => `${Math.round(100 * y)} %`,
      },
    };
  }, [axis, entries, curves, reference, config, t, name]);

  return (
    <div className="race-charts-block">
      <div className="race-axis" role="radiogroup" aria-label={t('race.axisLabel')}>
        {(['steps', 'seconds'] as const).map((a) => (
          <label key={a}>
            <input type="radio" name="race-axis" checked={axis === a} onChange={() => setAxis(a)} />
            {t(`race.axis.${a}`)}
          </label>
        ))}
      </div>
      <ul className="race-legend" aria-label={t('race.legend')}>
        {entries.map((e) => (
          <li key={e.id}>
            <span className="swatch" style={{ background: raceColour(e.spec.family, e.spec.n, config.ns) }} />
            {name(e.spec.family, e.depth)}
          </li>
        ))}
        <li>
          <span className="swatch dashed" />
          {reference ? t('race.referenceLegend', { count: reference.recipe.steps }) : t('race.noReference')}
        </li>
      </ul>
      <div className="race-charts">
        <Chart title={t('race.lossTitle')} data={charts.loss} />
        <Chart title={t('race.accuracyTitle', { images: config.valImages })} data={charts.val} />
      </div>
      {axis === 'seconds' && <p className="notice">{t('race.secondsNote')}</p>}
    </div>
  );
}
