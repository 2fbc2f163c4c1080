/** `Y += X` dimension by dimension, in PyTorch's order (from the right), so the reported dimension makes sense. */
import { useTranslation } from 'react-i18next';
import { compareDims } from '../../explain/lab/broadcast';

export function AddCheck({ y, x }: { y: readonly number[]; x: readonly number[] }) {
  const { t } = useTranslation();
  const rows = compareDims(y, x);
  const byDim = [...rows].sort((a, b) => a.dim - b.dim);
  return (
    <table className="add-check">
      <caption>{t('residualBlock.addCheck.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('residualBlock.addCheck.dimension')}</th>
          {byDim.map((r) => (
            <th key={r.dim} scope="col" className="mono">
              {r.dim}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row" className="mono">
            Y
          </th>
          {byDim.map((r) => (
            <td key={r.dim} className={`mono ${r.verdict}`}>
              {r.y}
            </td>
          ))}
        </tr>
        <tr>
          <th scope="row" className="mono">
            X
          </th>
          {byDim.map((r) => (
            <td key={r.dim} className={`mono ${r.verdict}`}>
              {r.x}
            </td>
          ))}
        </tr>
        <tr className="verdicts">
          <th scope="row" />
          {byDim.map((r) => (
            <td key={r.dim} className={r.verdict}>
              {t(`residualBlock.addCheck.${r.verdict}`)}
              <br />
              <small>{t('residualBlock.addCheck.order', { n: rows.indexOf(r) + 1 })}</small>
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
