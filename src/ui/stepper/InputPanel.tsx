/** Choose the input: a held-out sample, the notebook's torch.rand, a drawing or a photo; and its size. */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Sample } from '../../explain/samples';
import type { InputSpec } from '../../explain/stepper/inputs';
import { prepareLikeFashionMnist, type GrayImage } from '../../explain/stepper/prepare';
import { drawFeatureMapGrid } from '../../viz/featureMapGrid';
import { DrawPad } from './DrawPad';
import { readPicture } from './readPicture';
import type { PictureNote } from '../../explain/stepper/pictureFile';
import './inputs.css';

export interface InputPanelProps {
  readonly spec?: InputSpec;
  readonly samples?: readonly Sample[];
  readonly className: (i: number) => string;
  readonly size: number;
  readonly trainedSize: number;
  readonly notebookSize: number;
  readonly setSpec: (spec: InputSpec) => void;
  readonly setSize: (size: number) => void;
}

/** The words for an accepted picture's notes. */
function noteText(t: TFunction, n: PictureNote): string {
  if (n.kind === 'reduced')
    return t('picture.note.reduced', { ...n, megapixels: ((n.width * n.height) / 1e6).toFixed(0) });
  return n.kind === 'tiny' ? t('picture.note.tiny', n) : t('picture.note.animated', n);
}

export function InputPanel(p: InputPanelProps) {
  const { t } = useTranslation();
  const [drawing, setDrawing] = useState(false);
  const [note, setNote] = useState<{ kind: 'inverted' | 'error' | 'upload'; text: string }>();
  const [seed, setSeed] = useState(p.spec?.kind === 'rand' ? p.spec.seed : 0);
  const accept = (image: GrayImage, inverted: boolean, kind: 'draw' | 'upload', extra: readonly string[] = []) => {
    setDrawing(false);
    const notes = [
      ...extra,
      inverted ? t('stepper.input.inverted') : '',
      kind === 'upload' ? t('stepper.input.uploadNotInUrl') : '',
    ].filter(Boolean);
    setNote(notes.length ? { kind: inverted ? 'inverted' : 'upload', text: notes.join(' ') } : undefined);
    p.setSpec({ kind, image });
  };
  const takeDrawing = (img: GrayImage) => {
    const r = prepareLikeFashionMnist(img);
    if (!r.ok) setNote({ kind: 'error', text: t('stepper.input.bad', { message: r.message }) });
    else accept(r.image, r.inverted, 'draw');
  };
  const upload = async (file: File) => {
    // readPicture turns every failure it knows into a rejection; anything else is still not the browser's words
    const r = await readPicture(file).catch(() => ({ ok: false, rejection: 'unreadable' }) as const);
    if (r.ok)
      accept(
        r.image,
        r.inverted,
        'upload',
        r.notes.map((n) => noteText(t, n)),
      );
    else {
      const why = t(`picture.rejected.${r.rejection}`, { name: file.name, format: 'format' in r ? r.format : '' });
      setNote({ kind: 'error', text: `${why} ${t('picture.kept')}` });
    }
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
  const sizes = [...new Set([p.trainedSize, p.notebookSize, p.size])].sort((a, b) => a - b);
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
                accept="image/png,image/jpeg,image/gif,image/webp,image/bmp,image/avif"
                className="visually-hidden"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void upload(file);
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
                    : s === p.notebookSize
                      ? t('stepper.input.sizeNotebook')
                      : `${s}×${s}`}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {drawing && <DrawPad onUse={takeDrawing} onCancel={() => setDrawing(false)} />}
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
