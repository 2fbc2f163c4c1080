/** Every layer's parameters, multiply-adds and output bytes, per stage and sortable by any column. */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { megabytes, sortNodes, type CostColumn } from '../../explain/variants/compare';
import { archNodes, networkCost, type ArchSpec } from '../../model';

const COLUMNS: readonly { id: CostColumn; key: string; numeric: boolean }[] = [
  { id: 'order', key: 'order', numeric: true },
  { id: 'path', key: 'layer', numeric: false },
  { id: 'params', key: 'params', numeric: true },
  { id: 'multiplyAdds', key: 'macs', numeric: true },
  { id: 'bytes', key: 'bytes', numeric: true },
];

/** Memoised: a step changes nothing here, and its 60-odd rows need not render again. */
export const CostTable = memo(function CostTable({ arch, size }: { arch: ArchSpec; size: number }) {
  const { t } = useTranslation();
  const nodes = useMemo(() => archNodes(arch, [1, 1, size, size]), [arch, size]);
  const cost = useMemo(() => networkCost(nodes), [nodes]);
  const [sort, setSort] = useState<{ by: CostColumn; descending: boolean }>({ by: 'order', descending: false });
  const sorted = useMemo(() => sortNodes(nodes, sort.by, sort.descending), [nodes, sort]);
  const order = useMemo(() => new Map(nodes.map((n, i) => [n.path, i])), [nodes]);
  const click = (by: CostColumn) =>
    setSort((s) =>
      s.by === by ? { by, descending: !s.descending } : { by, descending: by !== 'order' && by !== 'path' },
    );
  const n = (v: number) => v.toLocaleString();
  return (
    <details className="cost-table">
      <summary>{t('network.cost.title')}</summary>
      <p>
        {t('network.cost.caption', {
          name: arch.name,
          size,
          params: n(cost.total.params),
          macs: n(cost.total.multiplyAdds),
          memory: megabytes(cost.total.bytes),
        })}
      </p>
      <table>
        <caption>{t('network.cost.stages')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('network.cost.stage')}</th>
            <th scope="col">{t('network.cost.params')}</th>
            <th scope="col">{t('network.cost.macs')}</th>
            <th scope="col">{t('network.cost.bytes')}</th>
          </tr>
        </thead>
        <tbody>
          {cost.stages.map((s) => (
            <tr key={s.name}>
              <th scope="row">{s.name}</th>
              <td>{n(s.params)}</td>
              <td>{n(s.multiplyAdds)}</td>
              <td>{n(s.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="cost-scroll">
        <table>
          <caption>{t('network.cost.title')}</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.id}
                  scope="col"
                  aria-sort={sort.by === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" onClick={() => click(c.id)}>
                    {t(`network.cost.${c.key}`)}
                  </button>
                </th>
              ))}
              <th scope="col">{t('network.cost.shape')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((node) => (
              <tr key={node.path}>
                <td>{order.get(node.path)}</td>
                <th scope="row" className="mono">
                  {node.path}
                </th>
                <td>{n(node.params.paramCount)}</td>
                <td>{n(node.multiplyAdds)}</td>
                <td>{n(node.bytes)}</td>
                <td className="mono">({node.shape.join(', ')})</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
});
