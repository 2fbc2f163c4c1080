/** The experiment's two charts: loss against depth (grows while it runs) and the target with the trained fits. */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SvgFigureDownload } from '../FigureDownload';
import { d3Slides } from '../slidesFigure';
import { familyCurve } from '../../explain/functionClasses/describe';
import {
  makeDataset,
  type ExperimentConfig,
  type ExperimentResult,
  type SweepPoint,
} from '../../explain/functionClasses/experimentSetup';
import { FAMILIES } from '../../explain/functionClasses/experimentSetup';
import { fitChart } from '../../viz/functionClassesFit';
import { drawLineChart } from '../../viz/lineChart';
import { lossChart } from '../../viz/lossChart';
import { FAMILY_COLOURS, PALETTE } from '../../viz/palette';
import { useTextScale } from '../textScale';

interface Props {
  readonly config: ExperimentConfig;
  readonly sweep: readonly SweepPoint[];
  readonly result?: ExperimentResult;
}

export function ExperimentCharts({ config, sweep, result }: Props) {
  const { t } = useTranslation();
  const textScale = useTextScale();
  const lossRef = useRef<SVGSVGElement>(null);
  const fitRef = useRef<SVGSVGElement>(null);
  const curve = useMemo(() => makeDataset(200), []);
  const points = useMemo(() => makeDataset(config.points), [config.points]);

  const loss = useMemo(
    () => ({
      depths: config.depths,
      series: FAMILIES.map((f) => ({
        name: t(`functionClasses.experiment.${f}`),
        colour: FAMILY_COLOURS[f],
        points: familyCurve(sweep, f),
      })),
      xLabel: t('functionClasses.experiment.depthAxis'),
      yLabel: t('functionClasses.experiment.lossAxis'),
    }),
    [config.depths, sweep, t],
  );
  useEffect(() => {
    if (lossRef.current) drawLineChart(lossRef.current, lossChart(loss), textScale);
  }, [loss, textScale]);

  const fit = useMemo(
    () => ({
      target: { name: t('functionClasses.experiment.target'), colour: PALETTE.muted, xs: curve.xs, ys: curve.ys },
      points,
      fits: result
        ? FAMILIES.map((f) => ({
            name: t(`functionClasses.experiment.${f}`),
            colour: FAMILY_COLOURS[f],
            xs: result.fit.xs,
            ys: result.fit.predictions[f],
            dashed: f === 'plain',
          }))
        : [],
    }),
    [curve, points, result, t],
  );
  useEffect(() => {
    if (fitRef.current) drawLineChart(fitRef.current, fitChart(fit), textScale);
  }, [fit, textScale]);

  const lossTitle = t('functionClasses.experiment.lossTitle');
  const fitTitle = t('functionClasses.experiment.fitTitle', { depth: config.constructionDepth });
  return (
    <div className="fc-charts">
      <figure className="fc-chart">
        <figcaption>{lossTitle}</figcaption>
        <svg ref={lossRef} role="img" aria-label={lossTitle} data-testid="loss-chart" />
        <SvgFigureDownload
          info={{ title: lossTitle }}
          svgRef={lossRef}
          slidesDraw={d3Slides((svg, k) => drawLineChart(svg, lossChart(loss), k))}
          slidesClasses="fc-chart"
        />
      </figure>
      <figure className="fc-chart">
        <figcaption>{fitTitle}</figcaption>
        <svg ref={fitRef} role="img" aria-label={fitTitle} />
        <SvgFigureDownload
          info={{ title: fitTitle }}
          svgRef={fitRef}
          slidesDraw={d3Slides((svg, k) => drawLineChart(svg, fitChart(fit), k))}
          slidesClasses="fc-chart"
        />
      </figure>
    </div>
  );
}
