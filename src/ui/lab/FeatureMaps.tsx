/** One step's feature maps (sample 0) on the shared grid, drawn to a canvas. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlainTensor } from '../../model/types';
import { channelRanges, drawFeatureMapGrid, statsOf, type GridLayout } from '../../viz/featureMapGrid';
import type { ColorRange } from '../../viz/colormap';
import { drawGridFigure, drawGridSlide } from '../../viz/figureDraw';
import { canvasBlob, FigureDownload } from '../FigureDownload';

export function FeatureMaps({
  tensor,
  name,
  maxWidth = 420,
}: {
  tensor: PlainTensor;
  name: string;
  maxWidth?: number;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const layout = useRef<GridLayout | undefined>(undefined);
  const [, c = 1, h = 1, w = 1] = tensor.shape;
  useEffect(() => {
    if (canvas.current) layout.current = drawFeatureMapGrid(canvas.current, tensor, maxWidth, { scale: 'layer' });
  }, [tensor, maxWidth]);
  // drawn again at `ratio` × its width on screen, with the caption
  // (for slides: 1,920 pixels wide, its text at least 18 pt on a 16:9 slide)
  const png = (lines: string[], ratio: number | 'slides') => {
    if (!canvas.current || !layout.current) return Promise.resolve(null);
    const out = document.createElement('canvas');
    const range = channelRanges(tensor, { scale: 'layer' })[0] as ColorRange;
    if (ratio === 'slides') drawGridSlide(out, tensor, layout.current, { scale: 'layer' }, lines, { range });
    else {
      const width = Math.round(canvas.current.clientWidth * ratio);
      drawGridFigure(out, tensor, layout.current, { scale: 'layer' }, width, lines, ratio, { range });
    }
    return canvasBlob(out);
  };
  const s = statsOf(tensor.data, 0, c * h * w);
  const label = t('residualBlock.path.mapsOf', { name, count: c, h, w });
  return (
    <figure className="lab-maps">
      <canvas ref={canvas} role="img" aria-label={label} />
      <figcaption>
        {label} · {t('residualBlock.path.range', { min: s.min.toFixed(3), max: s.max.toFixed(3) })}
      </figcaption>
      <FigureDownload
        info={{ title: label, shape: tensor.shape, step: name }}
        png={png}
        slidesPng={(lines) => png(lines, 'slides')}
      />
    </figure>
  );
}
