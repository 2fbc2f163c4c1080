/** SVG of one block diagram from `blockDiagramLayout`: React renders, d3 computed the paths. */
import { createRef, useEffect, useId, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureInfo } from '../../viz/figureExport';
import { SvgFigureDownload } from '../FigureDownload';
import { reactSlides } from '../slidesFigure';
import { blockDiagramLayout, textColumns, type BlockVariant } from '../../viz/blockDiagram';
import { RESIDUAL_PATH } from '../../model/blocks';
import { useTextScale } from '../textScale';

export type NodeStatus = 'ok' | 'failed' | 'notRun';

interface Props {
  readonly variant: BlockVariant;
  /** Accessible description of the picture. */
  readonly title: string;
  /** Text of the dashed frame, e.g. `f(x)` or `g(x) = f(x) − x`. */
  readonly learnerLabel: string;
  /** A line under a node, e.g. its output shape. */
  readonly notes?: Readonly<Record<string, string>>;
  readonly status?: Readonly<Record<string, NodeStatus>>;
  readonly selected?: string;
  readonly onSelect?: (id: string) => void;
  readonly box?: number;
  readonly gap?: number;
}

/** The smallest text allowed on screen, and the diagram's text sizes at text scale 1 (lab.css). */
export const MIN_SCREEN_PX = 11;
const NOTE_PX = 11;
const NAME_PX = 13;

const LABELS: Record<string, string> = { input: 'X', output: 'out', relu2: 'relu', add: '+' };

export function BlockDiagram({
  download,
  slides,
  ...props
}: Props & {
  readonly download?: FigureInfo;
  /** Its own layout for slides (the data path's), instead of this figure drawn again with larger text. */
  readonly slides?: (lines: string[]) => string;
}) {
  const svg = useRef<SVGSVGElement>(null);
  return (
    <>
      <BlockSvg {...props} svgRef={svg} />
      {download && (
        <SvgFigureDownload
          info={download}
          svgRef={svg}
          {...(slides ? { slides } : { slidesDraw: reactSlides(<BlockSvg {...props} svgRef={createRef()} />) })}
        />
      )}
    </>
  );
}

function BlockSvg({
  variant,
  title,
  learnerLabel,
  notes,
  status,
  selected,
  onSelect,
  box,
  gap,
  svgRef,
}: Props & { readonly svgRef: RefObject<SVGSVGElement | null> }) {
  const { t } = useTranslation();
  const k = useTextScale();
  const l = blockDiagramLayout(variant, RESIDUAL_PATH, {
    notes: !!notes,
    noteColumns: Math.max(0, ...Object.values(notes ?? {}).map(textColumns)),
    textScale: k,
    ...(box ? { box } : {}),
    ...(gap ? { gap } : {}),
  });
  const marker = `arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  // never drawn so small that its smallest text (the notes, 11 px in viewBox units, else the names at
  // 13 px; both × the text scale k) is under 11 px on screen: a narrower column scrolls it sideways
  const smallest = (notes ? NOTE_PX : NAME_PX) * k;
  const minWidth = Math.ceil((l.width * MIN_SCREEN_PX) / smallest);
  // where it scrolls, the selected step is kept in view
  const focus = l.nodes.find((n) => n.id === selected);
  const focusX = focus ? focus.x + focus.w / 2 : undefined;
  useEffect(() => {
    const svg = svgRef.current;
    const view = svg?.parentElement;
    if (!svg || !view || focusX === undefined || view.scrollWidth <= view.clientWidth) return;
    const scale = svg.clientWidth / l.width;
    view.scrollLeft = Math.max(0, focusX * scale - view.clientWidth / 2);
  }, [svgRef, focusX, l.width]);
  return (
    <div className="block-diagram-view">
      <svg
        ref={svgRef}
        className="block-diagram"
        viewBox={`0 0 ${l.width} ${l.height}`}
        // the text's sizes follow the text scale here (not the stylesheet's rem), so the figure drawn
        // for slides at a larger scale has larger text (the same sizes on screen: 13 px × k = 0.8125rem)
        style={{ minWidth, minHeight: Math.ceil((l.height * minWidth) / l.width), fontSize: NAME_PX * k }}
        role="img"
        aria-label={title}
      >
        <defs>
          <marker
            id={marker}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0L10,5L0,10z" className="arrow-head" />
          </marker>
        </defs>
        <rect className="learner" x={l.learner.x} y={l.learner.y} width={l.learner.w} height={l.learner.h} rx={8} />
        <text
          className="learner-label"
          x={l.learner.x + l.learner.w / 2}
          y={l.learnerLabelY}
          textAnchor="middle"
          style={{ fontSize: NAME_PX * k }}
        >
          {t('residualBlock.diagrams.learns')} {learnerLabel}
        </text>
        {l.edges.map((e) => (
          <path
            key={`${e.from}-${e.to}`}
            d={e.d}
            className={e.shortcut ? 'edge shortcut' : 'edge'}
            markerEnd={`url(#${marker})`}
          />
        ))}
        {l.nodes.map((n) => {
          const st = status?.[n.id] ?? 'ok';
          const cls = `node ${n.kind} ${st}${selected === n.id ? ' selected' : ''}${onSelect ? ' clickable' : ''}`;
          return (
            <g key={n.id} className={cls} onClick={onSelect ? () => onSelect(n.id) : undefined}>
              {n.kind === 'add' ? (
                <circle cx={n.x + n.w / 2} cy={n.y + n.h / 2} r={n.w / 2} />
              ) : (
                <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={6} />
              )}
              <text x={n.x + n.w / 2} y={n.y + n.h / 2 + 5 * k} textAnchor="middle">
                {LABELS[n.id] ?? n.id}
              </text>
              {notes?.[n.id] && (
                <text
                  className="node-note"
                  style={{ fontSize: NOTE_PX * k }}
                  x={n.x + n.w / 2}
                  y={n.id === 'conv3' ? n.y - 6 * k : n.kind === 'add' ? l.note2Y : l.noteY}
                  textAnchor="middle"
                >
                  {notes[n.id]}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
