/** A drawing area (mouse, pen or touch): black ink on white paper, like a pen drawing. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { rgbaToGray } from '../../model/input';
import type { GrayImage } from '../../explain/stepper/prepare';
import { PALETTE } from '../../viz/palette';

const SIDE = 280;

export function DrawPad({ onUse, onCancel }: { onUse: (img: GrayImage) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | undefined>(undefined);

  const clear = () => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = PALETTE.paper;
    ctx.fillRect(0, 0, SIDE, SIDE);
  };
  useEffect(clear, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * SIDE) / r.width, y: ((e.clientY - r.top) * SIDE) / r.height };
  };
  const line = (to: { x: number; y: number }) => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const from = last.current ?? to;
    ctx.strokeStyle = PALETTE.pen;
    ctx.lineWidth = 16;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    last.current = to;
  };

  return (
    <div className="draw-pad" role="group" aria-label={t('stepper.input.draw')}>
      <p className="notice">{t('stepper.input.drawHint')}</p>
      <canvas
        ref={ref}
        width={SIDE}
        height={SIDE}
        role="img"
        aria-label={t('stepper.input.draw')}
        className="draw-canvas"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          last.current = undefined;
          line(point(e));
        }}
        onPointerMove={(e) => {
          if (e.buttons) line(point(e));
        }}
        onPointerUp={() => (last.current = undefined)}
      />
      <div className="draw-buttons">
        <button
          type="button"
          onClick={() => {
            const ctx = ref.current?.getContext('2d');
            if (!ctx) return;
            const rgba = ctx.getImageData(0, 0, SIDE, SIDE).data;
            onUse({ data: rgbaToGray(rgba, 4), width: SIDE, height: SIDE });
          }}
        >
          {t('stepper.input.useDrawing')}
        </button>
        <button type="button" onClick={clear}>
          {t('stepper.input.clear')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('stepper.input.cancel')}
        </button>
      </div>
    </div>
  );
}
