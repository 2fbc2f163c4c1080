/**
 * The variants side by side at the chosen size, with the paper's Table 1 FLOPs and whether each
 * is trained beside them; then "does depth help here?" for the trained ones.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVariants, megabytes } from '../../explain/variants/compare';
import type { ArchId } from '../../model';
import { DepthTable } from './DepthTable';
import { useTrainingLabel } from './useTrainingLabel';

const giga = (n: number) => `${(n / 1e9).toFixed(2)} G`;
const mega = (n: number) => `${(n / 1e6).toFixed(2)} M`;

export function VariantsTable({ size, current }: { size: number; current: ArchId }) {
  const { t } = useTranslation();
  const rows = useMemo(() => compareVariants(size), [size]);
  const trainingLabel = useTrainingLabel();
  return (
    <details className="variants-table">
      <summary>{t('network.compare.title')}</summary>
      <table>
        <caption>{t('network.compare.caption', { size })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('network.compare.name')}</th>
            <th scope="col">{t('network.compare.depth')}</th>
            <th scope="col">{t('network.compare.params')}</th>
            <th scope="col">{t('network.compare.macs')}</th>
            <th scope="col">{t('network.compare.memory')}</th>
            <th scope="col">{t('network.compare.paper')}</th>
            <th scope="col">{t('trained.column')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.arch.id} aria-current={r.arch.id === current ? 'true' : undefined}>
              <th scope="row">{r.arch.name}</th>
              <td>{r.depth}</td>
              <td>{mega(r.params)}</td>
              <td>{giga(r.multiplyAdds)}</td>
              <td>{megabytes(r.activationBytes)}</td>
              <td>{giga(r.paperFlops)}</td>
              <td>{trainingLabel(r.arch.id)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('network.compare.why')}</p>
      <DepthTable />
    </details>
  );
}
