/**
 * "SVG for slides" of any SVG figure: the figure drawn again, off screen, at a larger text scale
 * until its smallest text is at least 18 pt on a 16:9 slide it fills (src/viz/slidesFigure.ts),
 * read with its computed styles, and written under a caption of the same size.
 */
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { svgTreeOf } from '../viz/figureDraw';
import type { SvgNode } from '../viz/figureExport';
import { figureSlidePoints, nextSlidesScale, slidesFigureDocument } from '../viz/slidesFigure';
import { SLIDE_MIN_PT } from '../viz/slidesDiagram';
import { TextScaleContext } from './textScale';

/** Draws the figure into `host` at text scale `k` and returns its <svg>. */
export interface SlidesDraw {
  (host: HTMLElement, k: number): SVGSVGElement | null;
  /** Frees what drawing into `host` made (a React root). */
  dispose?: (host: HTMLElement) => void;
}

/** Draws at most this many times: a drawing whose width grows with its text needs a second try. */
const TRIES = 5;

/** An off-screen host with the figure's ancestors' classes, so the stylesheet styles it as on screen. */
function offscreenHost(classes: string): HTMLElement {
  const host = document.createElement('div');
  host.className = classes;
  host.setAttribute('aria-hidden', 'true');
  // CSSOM, not a style attribute: allowed by the page's Content-Security-Policy
  // 640 px wide: a figure that takes its width from its column is drawn as in a laptop's column
  Object.assign(host.style, { position: 'fixed', left: '-100000px', top: '0', width: '640px' });
  document.body.append(host);
  return host;
}

/** The figure for slides as a standalone SVG file, or '' when it could not be drawn. */
export function slidesSvgOf(draw: SlidesDraw, lines: readonly string[], classes = '', k0 = 1): string {
  const host = offscreenHost(classes);
  try {
    let k = k0;
    let tree: SvgNode | undefined;
    for (let i = 0; i < TRIES; i++) {
      const svg = draw(host, k);
      if (!svg) return '';
      tree = svgTreeOf(svg, (e) => getComputedStyle(e));
      const points = figureSlidePoints(tree);
      if (points >= SLIDE_MIN_PT) break;
      k = nextSlidesScale(k, points);
    }
    return tree ? slidesFigureDocument(tree, lines) : '';
  } finally {
    draw.dispose?.(host);
    host.remove();
  }
}

/** A d3 figure drawn by `draw(svg, k)`, for `slidesSvgOf`. */
export const d3Slides =
  (draw: (svg: SVGSVGElement, k: number) => void, svgClass = ''): SlidesDraw =>
  (host, k) => {
    let svg = host.querySelector('svg');
    if (!svg) {
      svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      if (svgClass) svg.setAttribute('class', svgClass);
      host.append(svg);
    }
    draw(svg, k);
    return svg;
  };

/** A React figure rendered at text scale `k` (its text scale comes from the context), for `slidesSvgOf`. */
export function reactSlides(element: ReactElement): SlidesDraw {
  const roots = new WeakMap<HTMLElement, Root>();
  const draw: SlidesDraw = (host, k) => {
    const root = roots.get(host) ?? createRoot(host);
    roots.set(host, root);
    flushSync(() => root.render(<TextScaleContext.Provider value={k}>{element}</TextScaleContext.Provider>));
    return host.querySelector('svg');
  };
  draw.dispose = (host) => roots.get(host)?.unmount();
  return draw;
}
