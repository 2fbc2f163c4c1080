/**
 * "Does depth help here?": every trained network's held-out accuracy, parameters,
 * multiply-adds and time per image on this device (timed live in the model worker, on a
 * click), with sentences written from those numbers and the paper's ImageNet figures.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { depthRows, depthSentences } from '../../explain/variants/depth';
import { percent, type ArchId } from '../../model';
import { useModel } from '../runtime/ModelContext';

const giga = (n: number) => `${(n / 1e9).toFixed(3)} G`;
const mega = (n: number) => `${(n / 1e6).toFixed(2)} M`;

export function DepthTable() {
  const { t } = useTranslation();
  const { client, status } = useModel();
  const rows = useMemo(() => depthRows(), []);
  const [ms, setMs] = useState<Partial<Record<ArchId, number>>>({});
  const [timing, setTiming] = useState<string>();
  const [failed, setFailed] = useState<string>();

  const measure = async () => {
    if (!client) return;
    setFailed(undefined);
    for (const r of rows) {
      setTiming(r.arch.name);
      try {
        const { ms: m } = await client.timeVariant(r.arch.id, r.inputSize);
        setMs((prev) => ({ ...prev, [r.arch.id]: m }));
      } catch (e) {
        setFailed(t('depth.timeFailed', { name: r.arch.name, reason: e instanceof Error ? e.message : String(e) }));
        break;
      }
    }
    setTiming(undefined);
  };

  const sentences = depthSentences(rows, ms);
  const images = rows[0]?.images ?? 0;
  return (
    <section className="depth-table" aria-labelledby="depth-heading">
      <h4 id="depth-heading">{t('depth.title')}</h4>
      <table>
        <caption>{t('depth.caption', { images: images.toLocaleString() })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('depth.name')}</th>
            <th scope="col">{t('depth.size')}</th>
            <th scope="col">{t('depth.accuracy')}</th>
            <th scope="col">{t('depth.params')}</th>
            <th scope="col">{t('depth.macs')}</th>
            <th scope="col">{t('depth.time')}</th>
            <th scope="col">{t('depth.paper')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const m = ms[r.arch.id];
            return (
              <tr key={r.arch.id}>
                <th scope="row">{r.arch.name}</th>
                <td>{`${r.inputSize}×${r.inputSize}`}</td>
                <td>{`${percent(r.accuracy)} %`}</td>
                <td>{mega(r.params)}</td>
                <td>{giga(r.multiplyAdds)}</td>
                <td data-ms={m ?? ''}>{m === undefined ? '—' : `${m.toFixed(1)} ms`}</td>
                <td>{r.paperError === undefined ? '—' : `${r.paperError.toFixed(2)} %`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <button type="button" disabled={!client || status !== 'ready' || !!timing} onClick={() => void measure()}>
          {t('depth.measure')}
        </button>{' '}
        <span role="status">{timing ? t('depth.measuring', { name: timing }) : ''}</span>
      </p>
      {failed && <p className="notice warn">{failed}</p>}
      <p className="depth-verdict">{sentences.map((s) => t(`depth.${s.key}`, s.params)).join(' ')}</p>
    </section>
  );
}
