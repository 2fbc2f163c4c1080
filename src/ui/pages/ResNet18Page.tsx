/** ResNet-18 traced on the page's backend: each of resnet_18's layers with its output shape. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { randomInput, readPredictions, traceForward, type NodeInfo } from '../../model';
import { seedCell9Lines } from '../../explain/seedPrints';
import { useModel } from '../model/ModelContext';
import type { UrlState } from '../urlState';

const SEED_SIZE = 224;
const TOP_LEVEL = [
  { name: 'b1', last: 'b1.maxpool' },
  { name: 'b2', last: 'b2.1.relu2' },
  { name: 'b3', last: 'b3.1.relu2' },
  { name: 'b4', last: 'b4.1.relu2' },
  { name: 'b5', last: 'b5.1.relu2' },
  { name: 'AdaptiveAvgPool2d', last: 'pool' },
  { name: 'Flatten', last: 'flatten' },
  { name: 'Linear', last: 'linear' },
];

interface TraceSummary {
  nodes: NodeInfo[];
  ms: number;
}

export function ResNet18Page({ state }: { state: UrlState; update: (patch: Partial<UrlState>) => void }) {
  const { t } = useTranslation();
  const { net, backend, status } = useModel();
  const size = state.size || SEED_SIZE;
  const [summary, setSummary] = useState<TraceSummary>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!net || status !== 'ready') return;
    let cancelled = false;
    setSummary(undefined);
    setError(undefined);
    (async () => {
      await new Promise((r) => requestAnimationFrame(r)); // let "Tracing…" paint first
      const start = performance.now();
      const x = randomInput([1, 1, size, size], 0);
      const trace = traceForward(net, x);
      x.dispose();
      try {
        await readPredictions(trace); // waits for the GPU to finish
        if (!cancelled) setSummary({ nodes: trace.nodes.map(({ tensor: _t, ...info }) => info), ms: performance.now() - start });
      } finally {
        trace.dispose();
      }
    })().catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [net, status, size]);

  const backendName = backend ? t(`backend.${backend.name}`) : '';
  const paramsOf = (stage: string, last: string, nodes: NodeInfo[]) =>
    nodes.filter((n) => (stage.startsWith('b') ? n.stage === stage : n.path === last)).reduce((a, n) => a + n.params.paramCount, 0);

  return (
    <section aria-labelledby="r18-heading" className="chapter">
      <h2 id="r18-heading">{t('resnet18.heading')}</h2>
      <p>{t('resnet18.intro', { size })}</p>
      {error && <p role="alert" className="notice error">{t('resnet18.error', { message: error })}</p>}
      {!summary && !error && net && <p className="notice" aria-live="polite">{t('resnet18.tracing', { backend: backendName })}</p>}
      {summary && (
        <>
          <p className="notice" aria-live="polite">
            {t('resnet18.traced', { count: summary.nodes.length - 1, ms: summary.ms.toFixed(0), backend: backendName })}
          </p>
          <div className="two-col">
            <table className="stage-table">
              <thead>
                <tr>
                  <th scope="col">{t('resnet18.stage')}</th>
                  <th scope="col">{t('resnet18.shape')}</th>
                  <th scope="col">{t('resnet18.params')}</th>
                </tr>
              </thead>
              <tbody>
                {TOP_LEVEL.map((s) => {
                  const node = summary.nodes.find((n) => n.path === s.last);
                  return (
                    <tr key={s.name}>
                      <th scope="row">{s.name}</th>
                      <td className="mono">{node ? `(${node.shape.join(', ')})` : '—'}</td>
                      <td className="num">{paramsOf(s.name, s.last, summary.nodes).toLocaleString()}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <figure className="printout">
              <figcaption>{t('resnet18.printout')}</figcaption>
              <pre className="mono">{seedCell9Lines(summary.nodes).map((l) => l.text).join('\n')}</pre>
            </figure>
          </div>
        </>
      )}
    </section>
  );
}
