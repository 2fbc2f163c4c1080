/** One panel of the function-classes figure: draws with d3, lets the user drag f* or move it with the arrow keys. */
import { useEffect, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fartherThanSmaller, stepCaption, formatDistance } from '../../explain/functionClasses/captions';
import type { Point } from '../../explain/functionClasses/ellipse';
import {
  clampToFigure,
  FIGURE_BOX,
  LABEL_DIRECTION,
  labelAnchor,
  nudgeTruth,
  panelRegions,
  type BestFit,
  type PanelKind,
} from '../../explain/functionClasses/regions';
import { drawFunctionClassesPanel, figurePoint } from '../../viz/functionClassesFigure';
import { movesTruth } from './truthActions';
import { SvgFigureDownload } from '../FigureDownload';
import { d3Slides } from '../slidesFigure';
import { useTextScale } from '../textScale';

interface Props {
  readonly panel: PanelKind;
  readonly fits: readonly BestFit[];
  readonly step: number;
  readonly truth: Point;
  readonly onTruth: (p: Point) => void;
}

export function FigurePanel({ panel, fits, step, truth, onTruth }: Props) {
  const { t } = useTranslation();
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  const textScale = useTextScale();
  const regions = useMemo(
    () => panelRegions(panel).map((e) => ({ ...e, labelAt: labelAnchor(e, LABEL_DIRECTION[panel]) })),
    [panel],
  );
  const truthLabel = t('functionClasses.figure.truthLabel', { x: truth.x.toFixed(0), y: truth.y.toFixed(0) });

  const figure = useMemo(
    () => ({
      ...FIGURE_BOX,
      regions,
      shown: step,
      truth,
      best: fits.map((f) => ({ point: f.point, distance: formatDistance(f.distance) })),
      palette: panel === 'nested' ? ('cool' as const) : ('warm' as const),
      truthLabel,
    }),
    [regions, step, truth, fits, panel, truthLabel],
  );
  useEffect(() => {
    if (svgRef.current) drawFunctionClassesPanel(svgRef.current, { ...figure, textScale });
  }, [figure, textScale]);

  const moveTo = (e: PointerEvent<SVGSVGElement>) => {
    const p = svgRef.current && figurePoint(svgRef.current, e.clientX, e.clientY);
    if (p) onTruth(clampToFigure(p));
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!(e.target instanceof Element) || !e.target.closest('.truth') || !movesTruth(e.key)) return;
    const next = nudgeTruth(truth, e.key, e.shiftKey);
    if (next) {
      e.preventDefault();
      onTruth(next);
    }
  };

  const caption = stepCaption(fits, step);
  const worse = fartherThanSmaller(fits, step);
  const headingId = `fc-panel-${panel}`;
  return (
    <figure className={`fc-panel fc-${panel}`} aria-labelledby={headingId}>
      <h4 id={headingId}>{t(`functionClasses.figure.${panel}`)}</h4>
      <svg
        ref={svgRef}
        className="fc-svg"
        role="group"
        aria-labelledby={headingId}
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => dragging.current && moveTo(e)}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
        onKeyDown={onKeyDown}
      />
      <figcaption aria-live="polite" className="fc-caption" data-testid={`caption-${panel}`}>
        <span>{t(`functionClasses.figure.step.${caption.key}`, caption.values)}</span>
        {worse && <span className="fc-worse"> {t('functionClasses.figure.step.fartherThan', worse)}</span>}
        {panel === 'nested' && step > 1 && (
          <span className="fc-contains"> {t('functionClasses.figure.contains', { i: step, prev: step - 1 })}</span>
        )}
      </figcaption>
      <SvgFigureDownload
        info={{ title: t(`functionClasses.figure.${panel}`), step: `F${step}` }}
        svgRef={svgRef}
        slidesDraw={d3Slides((svg, k) => drawFunctionClassesPanel(svg, { ...figure, textScale: k }), 'fc-svg')}
        slidesClasses={`fc-panel fc-${panel}`}
      />
    </figure>
  );
}
