/**
 * The current step's tensor: its shape, statistics, scale choice and feature maps; at an
 * addition, the branch F(x), the shortcut and their sum side by side.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlainTensor } from '../../model/types';
import type { TraceReader, TraceSummary } from '../../explain/stepper/traceTypes';
import type { StepItem } from '../../explain/stepper/steps';
import { unionRange } from '../../explain/stepper/unionRange';
import { statsOf, mapGeometry, type ScaleMode } from '../../viz/featureMapGrid';
import { shapeLabel } from '../../viz/architectureDiagram';
import { SCALE_MODES } from '../urlState';
import { FeatureMaps } from './FeatureMaps';
import { LogitsChart } from './LogitsChart';
import { useElementWidth } from './useElementWidth';
import './tensor.css';

interface Props {
  readonly session: TraceReader;
  readonly summary: TraceSummary;
  readonly item: StepItem;
  readonly scale: ScaleMode;
  readonly setScale: (s: ScaleMode) => void;
  readonly name: string;
  /** Class names, for the linear layer's logits. */
  readonly classNames?: readonly string[];
}

/** Read the tensors of `paths` for this trace; undefined until they arrive. */
function useTensors(session: TraceReader, summary: TraceSummary, paths: readonly string[]): PlainTensor[] | undefined {
  const [got, setGot] = useState<{ key: string; summary: TraceSummary; tensors: PlainTensor[] }>();
  const key = paths.join('|');
  useEffect(() => {
    let cancelled = false;
    Promise.all(key.split('|').map((p) => session.read(p)))
      .then((tensors) => !cancelled && setGot({ key, summary, tensors }))
      .catch(() => undefined); // a stale read: the input changed, a newer effect runs
    return () => {
      cancelled = true;
    };
  }, [session, summary, key]);
  return got && got.key === key && got.summary === summary ? got.tensors : undefined;
}

function useGlobalRange(session: TraceReader, summary: TraceSummary, wanted: boolean) {
  const [range, setRange] = useState<{ summary: TraceSummary; min: number; max: number }>();
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    session
      .globalRange()
      .then((r) => !cancelled && setRange({ summary, ...r }))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [session, summary, wanted]);
  // one object per reading, so the grids below redraw when the range changes, not on every render
  return useMemo(
    () => (range && range.summary === summary ? { min: range.min, max: range.max } : undefined),
    [range, summary],
  );
}

/** Memoised: a key press re-renders the controls at once and this panel only when its step is shown. */
export const TensorPanel = memo(function TensorPanel({
  session,
  summary,
  item,
  scale,
  setScale,
  name,
  classNames,
}: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref, 560);
  const isAdd = item.node.op === 'add';
  const paths = isAdd ? [...item.node.inputs, item.node.path] : [item.node.path];
  const tensors = useTensors(session, summary, paths);
  const globalRange = useGlobalRange(session, summary, scale === 'global');
  const main = tensors?.[tensors.length - 1];
  // statistics and ranges scan every value (800,000 at b1.conv for 224): once per tensor, not per render
  const stats = useMemo(() => main && statsOf(main.data), [main]);
  const geo = mapGeometry(item.node.shape);
  const ready = main && (scale !== 'global' || globalRange);
  // side by side, F(x), x and their sum share one range so their colours compare (per-channel ranges would not)
  const addRange = useMemo(() => (isAdd && tensors ? unionRange(tensors) : undefined), [isAdd, tensors]);
  const sharedRange = addRange && scale !== 'global' ? addRange : globalRange;
  const logits = item.node.op === 'linear' && classNames !== undefined;
  return (
    <section className="tensor-panel" aria-label={t('stepper.fm.title')} ref={ref}>
      <div className="tensor-head">
        <p className="tensor-shape">
          <span className="muted">{t('stepper.shape')}</span>{' '}
          <output className="mono shape-value" aria-label={t('stepper.shape')}>
            {shapeLabel(item.node.shape)}
          </output>{' '}
          <span className="muted">
            {item.node.shape.length === 4
              ? t('stepper.fm.channels', { count: geo.c, h: geo.h, w: geo.w })
              : t('stepper.fm.vector', { count: geo.c })}
          </span>
        </p>
        {!logits && (
          <label className="scale-select">
            {t('stepper.fm.scale')}{' '}
            <select value={scale} onChange={(e) => setScale(e.target.value as ScaleMode)}>
              {SCALE_MODES.map((s) => (
                <option key={s} value={s}>
                  {t(`stepper.fm.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {stats && (
        <dl className="stats mono" aria-label="statistics">
          {(['min', 'max', 'mean'] as const).map((k) => (
            <div key={k}>
              <dt>{t(`stepper.fm.${k}`)}</dt>
              <dd data-stat={k}>{stats[k].toPrecision(3)}</dd>
            </div>
          ))}
          <div>
            <dt>{t('stepper.fm.zeros')}</dt>
            <dd data-stat="zeros">{(stats.zeros * 100).toFixed(1)} %</dd>
          </div>
        </dl>
      )}
      {!ready && <p className="notice">{t('stepper.reading')}</p>}
      {logits && main ? (
        <LogitsChart values={main.data} names={classNames} width={width} />
      ) : ready && tensors && isAdd ? (
        <div className="addition">
          <h3>{t('stepper.add.title')}</h3>
          <div className="addition-row">
            {tensors.map((tensor, i) => {
              const title =
                i === 0
                  ? t('stepper.add.branch')
                  : i === 1
                    ? t(item.node.inputs[1]?.endsWith('conv3') ? 'stepper.add.projected' : 'stepper.add.identity')
                    : t('stepper.add.sum');
              return (
                <figure key={i} className="addition-part">
                  <figcaption>{title}</figcaption>
                  <FeatureMaps
                    tensor={tensor}
                    scale={sharedRange ? 'global' : scale}
                    {...(sharedRange ? { globalRange: sharedRange } : {})}
                    width={Math.floor((width - 32) / 3)}
                    label={title}
                    download={{ title, shape: tensor.shape, step: item.id }}
                  />
                </figure>
              );
            })}
          </div>
        </div>
      ) : (
        ready &&
        main && (
          <FeatureMaps
            tensor={main}
            scale={scale}
            {...(globalRange ? { globalRange } : {})}
            width={width}
            label={t('stepper.fm.grid', { name })}
            download={{ title: t('stepper.fm.grid', { name }), shape: item.node.shape, step: item.id }}
          />
        )
      )}
    </section>
  );
});
