/**
 * "Remove one block" in the network chapter: the trained ResNet-18 with each residual block
 * removed in turn, on held-out images, in the model worker; a bar chart and what this run
 * found, the paper's finding beside it.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { lesionImageCount } from '../../explain/lesion/data';
import { CHANCE, describeLesion, lesionBars } from '../../explain/lesion/describe';
import { residualBlocks } from '../../model/lesion';
import type { ArchSpec } from '../../model/variants';
import type { WeightsSource } from '../../model/types';
import type { ModelClient } from '../../workers/modelClient';
import { useLesionStudy } from './useLesionStudy';
import { LesionChart } from './LesionChart';
import './lesion.css';

export interface LessonPanelProps {
  readonly client: ModelClient | undefined;
  readonly ready: boolean;
  readonly arch: ArchSpec;
  readonly source: WeightsSource | undefined;
  readonly backendName: string;
  /** The link's `lesionn` (0: all 1,000 images). */
  readonly requestedImages: number;
  /** Open the stepper with this block removed. */
  readonly stepWithout?: (block: string) => void;
}

export function LesionPanel({
  client,
  ready,
  arch,
  source,
  backendName,
  requestedImages,
  stepWithout,
}: LessonPanelProps) {
  const { t, i18n } = useTranslation();
  const images = lesionImageCount(requestedImages || undefined);
  const trained = source?.kind === 'trained';
  const key = `${arch.id}|${source?.kind === 'trained' ? `${source.url}|${source.yours ? 'yours' : ''}` : 'random'}`;
  const { state, run, cancel } = useLesionStudy(client, key, images);
  const blocks = useMemo(() => residualBlocks(arch), [arch]);
  const list = (items: string[]) => items.join(i18n.language === 'zh' ? '、' : ', ');
  const table = state.phase === 'done' ? state.table : undefined;
  const bars = table ? lesionBars(table.rows, table.images, blocks) : undefined;
  const sentences = bars && table ? describeLesion(bars, table.images, list) : [];
  const busy = state.phase === 'loading' || state.phase === 'running';
  const percent = busy ? Math.round(100 * state.fraction) : 0;

  return (
    <section aria-labelledby="lesion-heading" className="lesion">
      <h3 id="lesion-heading">{t('lesion.heading')}</h3>
      <p>{t('lesion.intro')}</p>
      {arch.id !== 'resnet18' ? (
        <p className="notice">{t('lesion.onlyResNet18')}</p>
      ) : !trained ? (
        <p className="notice">{t('lesion.untrained')}</p>
      ) : (
        <>
          <p className="muted">{t('lesion.expected', { passes: 9 * images, images, backend: backendName })}</p>
          <div className="lesion-controls">
            <button type="button" className="tool" disabled={!ready || busy || !client} onClick={run}>
              {t('lesion.run', { count: images })}
            </button>
            {busy && (
              <>
                <progress max={100} value={percent} aria-label={t('lesion.progressLabel')} />
                <span role="status">
                  {state.phase === 'loading' ? t('lesion.loading', { percent }) : t('lesion.progress', { percent })}
                </span>
                <button type="button" className="tool" onClick={cancel}>
                  {t('lesion.cancel')}
                </button>
              </>
            )}
          </div>
          {state.phase === 'cancelled' && <p role="status">{t('lesion.cancelled')}</p>}
          {state.phase === 'error' && (
            <p role="alert" className="notice error">
              {/* the student reads the page's words; the worker's message went to the console */}
              {state.data ? t('lesion.dataFailed') : t('lesion.failed')}
            </p>
          )}
        </>
      )}
      {table && bars && (
        <div className="lesion-result">
          <LesionChart bars={bars} chance={CHANCE} />
          <div className="lesion-findings">
            <h4>{t('lesion.findings')}</h4>
            <ul aria-live="polite">
              {sentences.map((s) => (
                <li key={s.key} data-key={s.key}>
                  {t(`lesion.sentence.${s.key}`, s.values)}
                </li>
              ))}
            </ul>
            <p className="muted">
              {t('lesion.done', {
                images: table.images,
                size: table.size,
                backend: backendName,
                seconds: table.seconds,
              })}
            </p>
            {stepWithout && (
              <div className="lesion-step">
                {blocks.map((b) => (
                  <button key={b.path} type="button" className="tool" onClick={() => stepWithout(b.path)}>
                    {t('lesion.step', { block: b.path })}
                  </button>
                ))}
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
