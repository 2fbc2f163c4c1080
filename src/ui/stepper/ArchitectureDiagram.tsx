/** The ResNet-18 diagram: overview row plus the opened group; click a box to go there. */
import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { diagramInput } from '../../explain/stepper/diagramInput';
import type { StepList } from '../../explain/stepper/steps';
import { boxBaselines, isLongLabel, layoutArchitecture, shapeLabel } from '../../viz/architectureDiagram';
import { useTextScale } from '../textScale';
import { useElementWidth } from './useElementWidth';
import { recordDraw } from './drawTiming';
import { SvgFigureDownload } from '../FigureDownload';
import { slidesDiagramSvg } from '../../viz/slidesDiagram';
import './diagram.css';

/** The narrowest layout whose labels fit their boxes at the page's normal text (a 1366-pixel laptop is wider). */
const MIN_LAYOUT_WIDTH = 1150;
/**
 * Drawn smaller than this, the labels are too small to read (a tablet held upright draws them
 * at 7–8 px): the diagram is then drawn at `SCROLLED_SCALE` and scrolls sideways, the current
 * step kept in view.
 */
const MIN_READABLE_SCALE = 0.75;
const SCROLLED_SCALE = 0.9;

/** Memoised: hovering maps or changing the scale does not redraw the diagram. */
export const ArchitectureDiagram = memo(function ArchitectureDiagram({
  steps,
  current,
  go,
  name = 'ResNet-18',
  note,
}: {
  steps: StepList;
  current: string;
  go: (id: string) => void;
  /** The network's name, for the figure's label. */
  name?: string;
  /** A line beside the figure's download buttons (the stepper's keys), sharing their row. */
  note?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const available = useElementWidth(ref, 1200);
  // projector mode's larger text needs wider and taller boxes
  const k = useTextScale();
  // below this width the labels no longer fit their boxes: lay out at it and scale the picture down
  const width = Math.max(available, MIN_LAYOUT_WIDTH * k);
  const baseline = boxBaselines(k);
  const start = performance.now();
  const input = useMemo(
    () => diagramInput(steps, current, (i) => t('stepper.block', { index: i })),
    [steps, current, t],
  );
  const layout = useMemo(() => layoutArchitecture(input, width, k), [input, width, k]);
  const slides = (lines: string[]) =>
    slidesDiagramSvg(input, lines, {
      params: (n) => t('stepper.params', { n: n.toLocaleString() }),
      skip: t('stepper.skip'),
    });
  useLayoutEffect(() => {
    recordDraw('stepper:diagram', start);
  });
  const fits = available >= layout.width * MIN_READABLE_SCALE;
  const drawnWidth = fits ? Math.min(layout.width, available) : layout.width * SCROLLED_SCALE;
  const view = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = view.current;
    if (fits || !el) return;
    const box = layout.boxes.find((b) => b.state === 'current') ?? layout.boxes.find((b) => b.state === 'ancestor');
    if (!box) return;
    const ratio = drawnWidth / layout.width;
    el.scrollLeft = Math.max(0, (box.x + box.w / 2) * ratio - el.clientWidth / 2);
  }, [layout, fits, drawnWidth]);
  return (
    <div ref={ref} className="diagram">
      {/* a sideways drag scrolls the diagram; it is not a swipe to the next step */}
      <div
        ref={view}
        className={fits ? 'diagram-view' : 'diagram-view scrolls'}
        {...(fits ? {} : { 'data-no-swipe': '' })}
      >
        <svg
          ref={svg}
          width={drawnWidth}
          height={(layout.height * drawnWidth) / layout.width}
          role="group"
          aria-label={t('stepper.diagram', { name })}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
        >
          <defs>
            <marker id="arch-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0,0 L8,4 L0,8 z" className="arrow-head" />
            </marker>
          </defs>
          {layout.edges.map((e, i) => (
            <path
              key={i}
              d={e.d}
              className={`edge edge-${e.kind}`}
              markerEnd={e.kind === 'zoom' ? undefined : 'url(#arch-arrow)'}
            />
          ))}
          {layout.labels.map((l, i) => (
            <text key={i} x={l.x} y={l.y} className="edge-label">
              {t('stepper.skip')}
            </text>
          ))}
          {layout.boxes.map((b) => {
            const shape = shapeLabel(b.node.shape);
            return (
              <g
                key={`${b.node.id}-${b.y}`}
                role={b.node.mirror ? undefined : 'button'}
                tabIndex={b.node.mirror ? undefined : 0}
                aria-hidden={b.node.mirror ? true : undefined}
                aria-label={b.node.mirror ? undefined : t('stepper.jump', { name: b.node.label, shape })}
                aria-current={b.state === 'current' ? 'step' : undefined}
                className={`box box-${b.state}${b.node.shortcut ? ' box-shortcut' : ''}`}
                transform={`translate(${b.x}, ${b.y})`}
                onClick={() => go(b.node.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.stopPropagation();
                    go(b.node.id);
                  }
                }}
              >
                {b.round ? (
                  <>
                    <circle cx={b.w / 2} cy={b.h / 2} r={b.w / 2} />
                    <text x={b.w / 2} y={b.h / 2 + 8 * k} textAnchor="middle" className="box-plus">
                      +
                    </text>
                  </>
                ) : (
                  <>
                    <rect width={b.w} height={b.h} rx={8} />
                    <text
                      x={b.w / 2}
                      y={baseline.title}
                      textAnchor="middle"
                      className={`box-title${isLongLabel(b.node.label, b.w, k) ? ' long' : ''}`}
                    >
                      {b.node.label}
                    </text>
                    <text x={b.w / 2} y={baseline.shape} textAnchor="middle" className="box-shape">
                      {shape}
                    </text>
                    <text x={b.w / 2} y={baseline.params} textAnchor="middle" className="box-params">
                      {b.node.params > 0 ? t('stepper.params', { n: b.node.params.toLocaleString() }) : ''}
                    </text>
                    <title>
                      {t('network.diagramCost', {
                        params: b.node.params.toLocaleString(),
                        macs: (b.node.multiplyAdds ?? 0).toLocaleString(),
                        bytes: (b.node.bytes ?? 0).toLocaleString(),
                      })}
                    </title>
                  </>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <div className="diagram-foot">
        <SvgFigureDownload
          info={{ title: t('figures.diagram', { name }), shape: steps.get(current).node.shape, step: current }}
          svgRef={svg}
          slides={slides}
        />
        {note && <p className="keys-hint">{note}</p>}
      </div>
    </div>
  );
});
