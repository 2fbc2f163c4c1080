/**
 * "Download" for a figure: PNG drawn again at twice the device pixels and, where the figure
 * is SVG, the SVG itself with its styles inlined. Title, shape and step go into the file.
 */
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { captionLines, figureFileName, svgDocument, CAPTION_LINE, type FigureInfo } from '../viz/figureExport';
import { svgTreeOf } from '../viz/figureDraw';
import { slidesSvgOf, type SlidesDraw } from './slidesFigure';
import { useTextScale } from './textScale';

export interface FigureDownloadProps {
  readonly info: FigureInfo;
  /** The figure as PNG, `ratio` image pixels per CSS pixel, the caption drawn in. */
  readonly png: (lines: string[], ratio: number) => Promise<Blob | null>;
  readonly svg?: (lines: string[]) => string;
  /** The figure laid out for a 16:9 slide (text of at least 18 pt at full width), as SVG. */
  readonly slides?: (lines: string[]) => string;
  /** The figure drawn for a 16:9 slide (1,920 pixels wide, text of at least 18 pt), as PNG. */
  readonly slidesPng?: (lines: string[]) => Promise<Blob | null>;
}

/** Image pixels per CSS pixel of a download: twice the device's. */
export const exportRatio = () => 2 * (window.devicePixelRatio || 1);

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const canvasBlob = (canvas: HTMLCanvasElement) =>
  new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));

export function FigureDownload({ info, png, svg, slides, slidesPng }: FigureDownloadProps) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const lines = captionLines(info, { shape: t('figures.shape'), step: t('figures.step') });
  const downloadPng = (make: () => Promise<Blob | null>, suffix = '') => {
    const name = figureFileName(info, 'png').replace(/\.png$/, `${suffix}.png`);
    make()
      .then((blob) => (blob ? save(blob, name) : setFailed(true)))
      .catch(() => setFailed(true));
  };
  const downloadSvg = (make: (lines: string[]) => string, suffix = '') => {
    const name = figureFileName(info, 'svg').replace(/\.svg$/, `${suffix}.svg`);
    let text = '';
    try {
      text = make(lines);
    } catch {
      // a figure that cannot be drawn again says so below its buttons
    }
    if (text) save(new Blob([text], { type: 'image/svg+xml' }), name);
    else setFailed(true);
  };
  return (
    <div className="figure-download" role="group" aria-label={t('figures.download')}>
      <span className="muted">{t('figures.download')}</span>
      <button
        type="button"
        className="tool"
        aria-label={t('figures.as', { title: info.title, format: 'PNG' })}
        onClick={() => downloadPng(() => png(lines, exportRatio()))}
      >
        PNG
      </button>
      {svg && (
        <button
          type="button"
          className="tool"
          aria-label={t('figures.as', { title: info.title, format: 'SVG' })}
          onClick={() => downloadSvg(svg)}
        >
          SVG
        </button>
      )}
      {slides && (
        <button
          type="button"
          className="tool"
          aria-label={t('figures.as', { title: info.title, format: t('figures.slidesFormat') })}
          onClick={() => downloadSvg(slides, '-slides')}
        >
          {t('figures.slides')}
        </button>
      )}
      {slidesPng && (
        <button
          type="button"
          className="tool"
          aria-label={t('figures.as', { title: info.title, format: t('figures.slidesPngFormat') })}
          onClick={() => downloadPng(() => slidesPng(lines), '-slides')}
        >
          {t('figures.slidesPng')}
        </button>
      )}
      {failed && <span role="status">{t('figures.failed')}</span>}
    </div>
  );
}

/** The SVG file of an on-screen <svg>, at its size on screen. */
export function svgFile(el: SVGSVGElement, lines: string[]): string {
  const box = el.getBoundingClientRect();
  return svgDocument(
    svgTreeOf(el, (e) => getComputedStyle(e)),
    lines,
    Math.round(box.width),
    Math.round(box.height),
  );
}

/** The PNG of an on-screen <svg>: its SVG file rasterised at `ratio` (drawn, not enlarged). */
export async function svgPng(el: SVGSVGElement, lines: string[], ratio: number): Promise<Blob | null> {
  const box = el.getBoundingClientRect();
  const url = URL.createObjectURL(new Blob([svgFile(el, lines)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(box.width * ratio);
    canvas.height = Math.round((box.height + lines.length * CAPTION_LINE + 8) * ratio);
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await canvasBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * "Download" for an SVG figure held by `svgRef`, and its version for slides: `slides` (a layout of
 * its own), else the figure drawn again by `slidesDraw` at a larger text scale (slidesFigure.tsx).
 * `slidesClasses`: the classes of the figure's ancestors that its stylesheet rules name.
 */
export function SvgFigureDownload({
  info,
  svgRef,
  slides,
  slidesDraw,
  slidesClasses = '',
}: {
  info: FigureInfo;
  svgRef: RefObject<SVGSVGElement | null>;
  slides?: (lines: string[]) => string;
  slidesDraw?: SlidesDraw;
  slidesClasses?: string;
}) {
  const k = useTextScale();
  const forSlides =
    slides ?? (slidesDraw ? (lines: string[]) => slidesSvgOf(slidesDraw, lines, slidesClasses, k) : undefined);
  return (
    <FigureDownload
      info={info}
      {...(forSlides ? { slides: forSlides } : {})}
      png={(lines, ratio) => (svgRef.current ? svgPng(svgRef.current, lines, ratio) : Promise.resolve(null))}
      svg={(lines) => (svgRef.current ? svgFile(svgRef.current, lines) : '')}
    />
  );
}
