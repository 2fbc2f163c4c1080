/**
 * One tensor as a grid of heatmaps (every channel), with its colour legend, values on
 * hover and a click to enlarge a channel. Drawing is src/viz's; this only wires events.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlainTensor } from '../../model/types';
import {
  channelRanges,
  drawFeatureMapGrid,
  hitTest,
  mapGeometry,
  valueAt,
  vectorLayout,
  type GridLayout,
  type ScaleMode,
} from '../../viz/featureMapGrid';
import { layoutLegend } from '../../viz/legend';
import type { ColorRange } from '../../viz/colormap';
import type { FigureInfo } from '../../viz/figureExport';
import { drawGridFigure, drawGridSlide } from '../../viz/figureDraw';
import { canvasBlob, FigureDownload } from '../FigureDownload';
import { useTextScale } from '../textScale';
import { PALETTE } from '../../viz/palette';
import { recordDraw } from './drawTiming';

export interface FeatureMapsProps {
  readonly tensor: PlainTensor;
  readonly scale: ScaleMode;
  readonly globalRange?: { min: number; max: number };
  readonly width: number;
  /** Accessible name of the grid. */
  readonly label: string;
  /** Title, shape and step of the grid's "Download" (none: no download control). */
  readonly download?: FigureInfo;
}

const fmt = (v: number) => (Math.abs(v) >= 100 || v === 0 ? v.toFixed(0) : v.toPrecision(3));

export function FeatureMaps({
  tensor,
  scale: wanted,
  globalRange,
  width: maxWidth,
  label,
  download,
}: FeatureMapsProps) {
  const { t } = useTranslation();
  const textScale = useTextScale();
  const canvas = useRef<HTMLCanvasElement>(null);
  const layout = useRef<GridLayout | undefined>(undefined);
  const [hover, setHover] = useState<{ c: number; r: number; col: number; v: number }>();
  const [enlarged, setEnlarged] = useState<number>();
  const geo = mapGeometry(tensor.shape);
  // a channel of one number has no range of its own: vectors are coloured per layer, as a strip of cells
  const single = geo.h * geo.w === 1;
  const scale = single && wanted === 'channel' ? 'layer' : wanted;
  const opts = useMemo(() => ({ scale, ...(globalRange ? { globalRange } : {}) }), [scale, globalRange]);
  const ranges = useMemo(() => channelRanges(tensor, opts), [tensor, opts]);

  useLayoutEffect(() => {
    if (!canvas.current) return;
    const start = performance.now();
    layout.current = drawFeatureMapGrid(
      canvas.current,
      tensor,
      maxWidth,
      opts,
      single ? vectorLayout(tensor.shape, maxWidth) : undefined,
    );
    recordDraw('stepper:grid', start, tensor.shape.join('x'));
  }, [tensor, maxWidth, opts, single]);
  useLayoutEffect(() => {
    setEnlarged(undefined);
    setHover(undefined);
  }, [tensor]);

  const at = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const el = e.currentTarget;
    const k = el.width / el.clientWidth;
    return layout.current && hitTest(layout.current, e.nativeEvent.offsetX * k, e.nativeEvent.offsetY * k);
  };
  const legendRange = ranges[hover?.c ?? enlarged ?? 0] as ColorRange;
  // the download draws the grid again, the same columns and rows, at `ratio` × its width on screen
  // (for slides: 1,920 pixels wide, its text at least 18 pt on a 16:9 slide)
  const png = (lines: string[], ratio: number | 'slides') => {
    if (!canvas.current || !layout.current) return Promise.resolve(null);
    const out = document.createElement('canvas');
    // the bar of the range the grid's colours use (per channel: channel 0's, and it says so)
    const perChannel = scale === 'channel' && geo.c > 1;
    const bar = {
      range: ranges[0] as ColorRange,
      ...(perChannel ? { note: t('figures.perChannelFile', { c: 0 }) } : {}),
    };
    if (ratio === 'slides') drawGridSlide(out, tensor, layout.current, opts, lines, bar);
    else
      drawGridFigure(
        out,
        tensor,
        layout.current,
        opts,
        Math.round(canvas.current.clientWidth * ratio),
        lines,
        ratio,
        bar,
      );
    return canvasBlob(out);
  };
  const { c } = geo;
  return (
    <div className="feature-maps">
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        className="fm-canvas"
        onMouseMove={(e) => {
          const hit = at(e);
          setHover(
            hit
              ? { c: hit.channel, r: hit.row, col: hit.col, v: valueAt(tensor, hit.channel, hit.row, hit.col) }
              : undefined,
          );
        }}
        onMouseLeave={() => setHover(undefined)}
        tabIndex={0}
        onKeyDown={(e) => {
          // keyboard: Enter enlarges the channel under the pointer, or the first; Escape closes
          if (e.key === 'Enter') setEnlarged(hover?.c ?? 0);
          if (e.key === 'Escape') setEnlarged(undefined);
        }}
        onClick={(e) => {
          const hit = at(e);
          if (hit) setEnlarged(hit.channel);
        }}
      />
      <div className="fm-footer">
        {/* no wider than the grid, now that the bar grows with the text */}
        <Legend range={legendRange} width={Math.max(100, Math.min(200, maxWidth / textScale - 20))} />
        {scale === 'channel' && c > 1 && (
          <p className="fm-legend-note">{t('figures.perChannel', { c: hover?.c ?? enlarged ?? 0 })}</p>
        )}
        <p className="fm-hover mono" aria-live="polite">
          {hover
            ? t('stepper.fm.hover', { c: hover.c, r: hover.r, col: hover.col, v: fmt(hover.v) })
            : c > 1
              ? t('stepper.fm.hint')
              : ''}
        </p>
      </div>
      {download && <FigureDownload info={download} png={png} slidesPng={(lines) => png(lines, 'slides')} />}
      {enlarged !== undefined && (
        <Enlarged
          tensor={tensor}
          channel={enlarged}
          range={ranges[enlarged] as ColorRange}
          close={() => setEnlarged(undefined)}
        />
      )}
    </div>
  );
}

function Enlarged({
  tensor,
  channel,
  range,
  close,
}: {
  tensor: PlainTensor;
  channel: number;
  range: ColorRange;
  close: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const { h, w } = mapGeometry(tensor.shape);
    const one: PlainTensor = {
      shape: [1, 1, h, w],
      data: tensor.data.subarray(channel * h * w, (channel + 1) * h * w),
    };
    if (ref.current) drawFeatureMapGrid(ref.current, one, 280, { scale: 'global', globalRange: range });
  }, [tensor, channel, range]);
  return (
    <div className="fm-enlarged" role="group" aria-label={t('stepper.fm.enlarged', { c: channel })}>
      <div className="fm-enlarged-head">
        <strong>{t('stepper.fm.enlarged', { c: channel })}</strong>
        <button type="button" onClick={close}>
          {t('stepper.fm.close')}
        </button>
      </div>
      <canvas ref={ref} className="fm-enlarged-canvas" />
      <Legend range={range} />
    </div>
  );
}

/** A colour bar with ticks; `width` is the bar's at the page's normal text, and grows with it. */
export function Legend({ range, width: normalWidth = 200 }: { range: ColorRange; width?: number }) {
  const k = useTextScale();
  const width = normalWidth * k;
  const lg = layoutLegend(range, width);
  const id = `legend-${range.colormap}`;
  return (
    <svg className="legend" width={width + 20 * k} height={34 * k} aria-hidden="true">
      <defs>
        <linearGradient id={id}>
          {lg.stops.map((s) => (
            <stop key={s.offset} offset={s.offset} stopColor={s.color} />
          ))}
        </linearGradient>
      </defs>
      <rect
        x={10 * k}
        y={2}
        width={width}
        height={12 * k}
        fill={`url(#${id})`}
        stroke={PALETTE.line}
        strokeWidth={0.5}
      />
      {lg.ticks.map((tk) => (
        <g key={tk.label} transform={`translate(${10 * k + tk.x}, ${2 + 12 * k})`}>
          <line y2={4 * k} stroke={PALETTE.muted} />
          <text y={16 * k} textAnchor="middle" className="legend-tick">
            {tk.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
