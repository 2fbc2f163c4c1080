/** The landscapes side by side (this race's and PyTorch's reference), one log colour scale, the slice through the centres. */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LandscapeRun } from '../../explain/landscape/compute';
import { formatLoss, formatShare, type LandscapeFindings } from '../../explain/landscape/describe';
import { lossRange } from '../../explain/landscape/grid';
import { drawLandscape, type LandscapePanel } from '../../viz/landscape';
import { SvgFigureDownload } from '../FigureDownload';
import { d3Slides } from '../slidesFigure';
import { useTextScale } from '../textScale';
import { raceColour } from './raceColours';
import { FAMILY_RAMPS } from '../../viz/palette';

export interface LandscapeFigureProps {
  readonly live: readonly LandscapeRun[];
  /** This race's findings (absent before a race: PyTorch's reference alone). */
  readonly liveFindings?: LandscapeFindings;
  readonly reference?: {
    readonly runs: readonly (LandscapeRun & { readonly steps: number })[];
    readonly findings: LandscapeFindings;
  };
}

export function LandscapeFigure({ live, liveFindings, reference }: LandscapeFigureProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const ref = useRef<SVGSVGElement>(null);
  const textScale = useTextScale();
  const title = t('landscape.figure');
  const data = useMemo(() => {
    const ns = [...new Set(live.map((r) => (r.depth - 2) / 6))];
    const panel = (
      r: LandscapeRun,
      f: LandscapeFindings,
      i: number,
      subtitle: string,
      dashed: boolean,
    ): LandscapePanel => {
      const found = f.runs[i]!;
      return {
        title: t('race.network', { family: t(`race.${r.family}`), depth: r.depth }),
        subtitle,
        size: r.size,
        loss: r.loss,
        notes: [
          t('landscape.noteRise', { radius: f.radius, rise: formatLoss(found.rise, locale) }),
          t('landscape.noteShare', { share: formatShare(found.nonConvex) }),
        ],
        colour: dashed
          ? r.family === 'plain'
            ? FAMILY_RAMPS.plain[3]
            : FAMILY_RAMPS.residual[3]
          : raceColour(r.family, (r.depth - 2) / 6, ns),
        dashed,
      };
    };
    const panels = [
      ...(liveFindings ? live.map((r, i) => panel(r, liveFindings, i, t('landscape.trainedHere'), false)) : []),
      ...(reference?.runs ?? []).map((r, i) =>
        panel(r, reference!.findings, i, t('landscape.reference', { steps: r.steps, size: r.size }), true),
      ),
    ];
    return {
      panels,
      range: lossRange(panels),
      locale,
      labels: {
        colourBar: t('landscape.colourBar'),
        slice: t('landscape.slice'),
        sliceX: t('landscape.sliceX'),
        sliceY: t('landscape.sliceY'),
      },
    };
  }, [live, liveFindings, reference, t, locale]);
  useEffect(() => {
    if (ref.current) drawLandscape(ref.current, data, textScale);
  }, [data, textScale]);
  return (
    <figure className="race-chart landscape-figure">
      <figcaption>{title}</figcaption>
      <svg ref={ref} role="img" aria-label={title} />
      <SvgFigureDownload
        info={{ title }}
        svgRef={ref}
        slidesDraw={d3Slides((svg, k) => drawLandscape(svg, data, k))}
        slidesClasses="race-chart landscape-figure"
      />
    </figure>
  );
}
