/** One step's feature maps (sample 0) on the shared grid, drawn to a canvas. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlainTensor } from '../../model/types';
import { drawFeatureMapGrid, statsOf } from '../../viz/featureMapGrid';

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
  const [, c = 1, h = 1, w = 1] = tensor.shape;
  useEffect(() => {
    if (canvas.current) drawFeatureMapGrid(canvas.current, tensor, maxWidth, { scale: 'layer' });
  }, [tensor, maxWidth]);
  const s = statsOf(tensor.data, 0, c * h * w);
  const label = t('residualBlock.path.mapsOf', { name, channels: c, h, w });
  return (
    <figure className="lab-maps">
      <canvas ref={canvas} role="img" aria-label={label} />
      <figcaption>
        {label} · {t('residualBlock.path.range', { min: s.min.toFixed(3), max: s.max.toFixed(3) })}
      </figcaption>
    </figure>
  );
}
