/** Choose the input: a held-out sample, the seed's torch.rand, a drawing or a photo; and its size. */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rgbaToGray } from '../../model/input';
import type { Sample } from '../../explain/samples';
import type { InputSpec } from '../../explain/stepper/inputs';
import { prepareLikeFashionMnist, type GrayImage } from '../../explain/stepper/prepare';
import { drawFeatureMapGrid } from '../../viz/featureMapGrid';
import { DrawPad } from './DrawPad';
import './inputs.css';

export interface InputPanelProps {
  readonly spec?: InputSpec;
  readonly samples?: readonly Sample[];
  readonly className: (i: number) => string;
  readonly size: number;
  readonly trainedSize: number;
  readonly seedSize: number;
  readonly setSpec: (spec: InputSpec) => void;
  readonly setSize: (size: number) => void;
}

/** Load a picture file as gray pixels, at most 512 on a side. */
async function fileToGray(file: File): Promise<GrayImage> {
  const bmp = await createImageBitmap(file);
  const k = Math.min(1, 512 / Math.max(bmp.width, bmp.height));
  const w = Math.max(1, Math.round(bmp.width * k));
  const h = Math.max(1, Math.round(bmp.height * k));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas');
  ctx.drawImage(bmp, 0, 0, w, h);
  return { data: rgbaToGray(ctx.getImageData(0, 0, w, h).data, 4), width: w, height: h };
}

export function InputPanel(p: InputPanelProps) {
  const { t } = useTranslation();
  const [drawing, setDrawing] = useState(false);
  const [note, setNote] = useState<{ kind: 'inverted' | 'error' | 'upload'; text: string }>();
  const [seed, setSeed] = useState(p.spec?.kind === 'rand' ? p.spec.seed : 0);
  const use = (img: GrayImage, kind: 'draw' | 'upload') => {
    const r = prepareLikeFashionMnist(img);
    if (!r.ok) {
      setNote({ kind: 'error', text: t('stepper.input.bad', { message: r.message }) });
      return;
    }
    setDrawing(false);
    const notes = [
      r.inverted ? t('stepper.input.inverted') : '',
      kind === 'upload' ? t('stepper.input.uploadNotInUrl') : '',
    ].filter(Boolean);
    setNote(notes.length ? { kind: r.inverted ? 'inverted' : 'upload', text: notes.join(' ') } : undefined);
    p.setSpec({ kind, image: r.image });
  };
  const sampleId = p.spec?.kind === 'sample' ? p.spec.id : undefined;
  // hundreds of options: built once per list, not on every render (a new input re-renders this panel)
  const { samples, className } = p;
  const sampleOptions = useMemo(
    () =>
      samples?.map((s) => (
        <option key={s.id} value={s.id}>
          {className(s.label)} · {s.id}
        </option>
      )),
    [samples, className],
  );
  const sample = p.samples?.find((s) => s.id === sampleId);
  const sizes = [...new Set([p.trainedSize, p.seedSize, p.size])].sort((a, b) => a - b);
  return (
    <section className="input-panel" aria-labelledby="input-heading">
      <h3 id="input-heading">{t('stepper.input.title')}</h3>
      <div className="input-row">
        <Preview spec={p.spec} sample={sample} />
        <div className="input-choices">
          <label>
            {t('stepper.input.sample')}
            <select
              value={sample?.id ?? ''}
              onChange={(e) => {
                setNote(undefined);
                p.setSpec({ kind: 'sample', id: e.target.value });
              }}
            >
              {!sample && <option value="">—</option>}
              {sampleOptions}
            </select>
          </label>
          {sample && <p className="true-label">{t('stepper.input.trueLabel', { name: p.className(sample.label) })}</p>}
          <div className="rand-row">
            <button
              type="button"
              onClick={() => {
                setNote(undefined);
                p.setSpec({ kind: 'rand', seed });
              }}
            >
              {t('stepper.input.random')}
            </button>
            <label>
              {t('stepper.input.seed')}
              <input
                type="number"
                min={0}
                max={999999999}
                value={seed}
                onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
              />
            </label>
          </div>
          <div className="rand-row">
            <button type="button" aria-expanded={drawing} onClick={() => setDrawing((d) => !d)}>
              {t('stepper.input.draw')}
            </button>
            <label className="upload">
              <span className="button-like">{t('stepper.input.upload')}</span>
              <input
                type="file"
                accept="image/*"
                className="visually-hidden"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file)
                    fileToGray(file).then(
                      (g) => use(g, 'upload'),
                      (err: unknown) =>
                        setNote({ kind: 'error', text: t('stepper.input.bad', { message: String(err) }) }),
                    );
                  e.target.value = '';
                }}
              />
            </label>
          </div>
          <label>
            {t('stepper.input.size')}
            <select value={p.size} onChange={(e) => p.setSize(Number(e.target.value))}>
              {sizes.map((s) => (
                <option key={s} value={s}>
                  {s === p.trainedSize
                    ? t('stepper.input.sizeTrained', { size: s })
                    : s === p.seedSize
                      ? t('stepper.input.sizeSeed')
                      : `${s}×${s}`}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {drawing && <DrawPad onUse={(img) => use(img, 'draw')} onCancel={() => setDrawing(false)} />}
      {note && (
        <p
          role={note.kind === 'error' ? 'alert' : 'status'}
          className={`notice ${note.kind === 'error' ? 'error' : 'warn'}`}
        >
          {note.text}
        </p>
      )}
    </section>
  );
}

/** The 28×28 image the network's input is made from (samples, drawings, photos). */
function Preview({ spec, sample }: { spec?: InputSpec; sample?: Sample }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const data = sample?.pixels ?? (spec?.kind === 'draw' || spec?.kind === 'upload' ? spec.image.data : undefined);
  useLayoutEffect(() => {
    if (ref.current && data)
      drawFeatureMapGrid(ref.current, { shape: [1, 1, 28, 28], data }, 84, {
        scale: 'global',
        globalRange: { min: 0, max: 1 },
      });
  }, [data]);
  if (!data) return <div className="preview-empty mono">rand</div>;
  return <canvas ref={ref} className="preview" role="img" aria-label={t('stepper.input.preview')} />;
}
