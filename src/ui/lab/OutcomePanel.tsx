/** What PyTorch does with the configuration: the output shape, or its exact error, why, and the fix. */
import { useTranslation } from 'react-i18next';
import { AddCheck } from './AddCheck';
import type { LimitProblem } from '../../explain/lab/limits';
import { formatCall, formatInput } from '../../explain/lab/pythonLine';
import { pyList, pyTuple } from '../../explain/lab/pyFormat';
import { applyFix } from '../../explain/lab/applyFix';
import type { BlockOutcome, ErrorOutcome, LabConfig } from '../../explain/lab/types';

interface Props {
  readonly config: LabConfig;
  readonly outcome: BlockOutcome;
  readonly limit?: LimitProblem;
  readonly onChange: (c: LabConfig) => void;
  /** A typed line failed to run: what shows is the last line that ran, and says so. */
  readonly stale?: boolean;
}

function FixButton({
  config,
  outcome,
  onChange,
}: {
  config: LabConfig;
  outcome: ErrorOutcome;
  onChange: Props['onChange'];
}) {
  const { t } = useTranslation();
  const fix = outcome.fix;
  if (!fix) return null;
  const next = applyFix(config, fix);
  const label =
    fix.args?.use1x1conv && !config.args.use1x1conv
      ? t('residualBlock.outcome.fixUse1x1')
      : t('residualBlock.outcome.fixChange', {
          change: fix.input ? `X = ${formatInput(next.input)}` : `blk = ${formatCall(next.args)}`,
        });
  return (
    <button type="button" className="fix-button" onClick={() => onChange(next)}>
      {label}
    </button>
  );
}

export function LimitMessage({ limit }: { limit: LimitProblem }) {
  const { t } = useTranslation();
  const fmt = (v: number) => v.toLocaleString('en-US');
  const params = Object.fromEntries(Object.entries(limit).map(([k, v]) => [k, typeof v === 'number' ? fmt(v) : v]));
  return (
    <p role="alert" className="notice warn">
      {t(`residualBlock.outcome.limit.${limit.code}`, params)}
    </p>
  );
}

export function OutcomePanel({ config, outcome, limit, onChange, stale = false }: Props) {
  const { t } = useTranslation();
  return (
    <section className={stale ? 'lab-outcome stale' : 'lab-outcome'} aria-labelledby="lab-outcome-heading">
      <h3 id="lab-outcome-heading">{t('residualBlock.outcome.heading')}</h3>
      {stale && (
        <p className="notice warn stale-note" role="status">
          {t('residualBlock.outcome.stale', {
            line: `blk = ${formatCall(config.args)}; X = ${formatInput(config.input)}`,
          })}
        </p>
      )}
      {outcome.kind === 'ok' ? (
        <>
          <p className="outcome-ok">
            {t('residualBlock.outcome.ok')}{' '}
            <output aria-label="Y.shape" className="mono shape-out">
              {pyTuple(outcome.output)}
            </output>
          </p>
          {outcome.broadcastDims.length > 0 && (
            <p className="notice warn">
              {t('residualBlock.outcome.broadcast', { dims: outcome.broadcastDims.join(', ') })}
            </p>
          )}
          <figure className="printout">
            <figcaption>{t('residualBlock.outcome.printed')}</figcaption>
            <pre className="mono">{outcome.printedShapes.map((s) => `torch.Size(${pyList(s)})`).join('\n')}</pre>
          </figure>
          <AddCheck y={outcome.printedShapes[0]} x={outcome.printedShapes[1]} />
        </>
      ) : (
        <div className="outcome-error">
          <p>{t('residualBlock.outcome.error', { stage: t(`residualBlock.outcome.stage.${outcome.stage}`) })}</p>
          <pre className="mono traceback" role="alert">
            {outcome.errorType}: {outcome.message}
          </pre>
          {outcome.cause === 'convStride' && !Number.isInteger(config.args.strides) && (
            <p className="notice">{t('residualBlock.outcome.notPyTorchWords')}</p>
          )}
          {outcome.printedShapes && (
            <figure className="printout">
              <figcaption>{t('residualBlock.outcome.printed')}</figcaption>
              <pre className="mono">{outcome.printedShapes.map((s) => `torch.Size(${pyList(s)})`).join('\n')}</pre>
            </figure>
          )}
          {outcome.printedShapes && <AddCheck y={outcome.printedShapes[0]} x={outcome.printedShapes[1]} />}
          <p>
            <strong>{t('residualBlock.outcome.why')}</strong>
            {t(`residualBlock.outcome.cause.${outcome.cause}`, outcome.detail)}
          </p>
          {outcome.fix && (
            <p>
              <strong>{t('residualBlock.outcome.fix')}</strong>
              <FixButton config={config} outcome={outcome} onChange={onChange} />
            </p>
          )}
        </div>
      )}
      {limit && <LimitMessage limit={limit} />}
    </section>
  );
}
