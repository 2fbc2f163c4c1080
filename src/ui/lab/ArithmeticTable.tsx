/** Each layer's output size ⌊(H + 2p − k)/s⌋ + 1 and parameter count, numbers filled in. */
import { useTranslation } from 'react-i18next';
import { blockArithmetic } from '../../explain/lab/arithmetic';
import type { BlockOutcome, LabConfig } from '../../explain/lab/types';

export function ArithmeticTable({ config, outcome }: { config: LabConfig; outcome: BlockOutcome }) {
  const { t } = useTranslation();
  // the formulas need a block PyTorch builds and an X conv1 accepts
  const conv1Ran = outcome.steps.length > 0;
  const x = config.input;
  const rows = conv1Ran ? blockArithmetic(config.args, x.at(-2) as number, x.at(-1) as number) : [];
  const total = rows.reduce((a, r) => a + r.paramCount, 0);
  return (
    <section className="lab-arith" aria-labelledby="lab-arith-heading">
      <h3 id="lab-arith-heading">{t('residualBlock.arithmetic.heading')}</h3>
      <p>{t('residualBlock.arithmetic.intro')}</p>
      {rows.length === 0 ? (
        <p className="notice">{t('residualBlock.arithmetic.none')}</p>
      ) : (
        <table className="stage-table arith-table">
          <thead>
            <tr>
              <th scope="col">{t('residualBlock.arithmetic.layer')}</th>
              <th scope="col">{t('residualBlock.arithmetic.module')}</th>
              <th scope="col">{t('residualBlock.arithmetic.size')}</th>
              <th scope="col">{t('residualBlock.arithmetic.params')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.layer}>
                <th scope="row" className="mono">
                  {r.layer}
                </th>
                <td className="mono">{r.module}</td>
                <td className="mono">{r.size.length ? r.size.join(' × ') : '—'}</td>
                <td className="mono">{r.params}</td>
              </tr>
            ))}
            <tr className="total">
              <th scope="row" colSpan={3}>
                {t('residualBlock.arithmetic.total')}
              </th>
              <td className="mono num">{total.toLocaleString('en-US')}</td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
