/**
 * "Checked against PyTorch": a disclosure under the race's status that, when opened, trains
 * the race's networks for a few steps on the backend the race trains on, in a worker of its
 * own, and compares every number with PyTorch's (src/explain/race/gradCheck.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comparison } from '../../explain/race/gradCheck';
import { ALLOWED, gradCheckVerdict, scientific } from '../../explain/race/gradCheckView';
import { raceDepth, type RaceNetSpec } from '../../model/raceNet';
import type { BackendName } from '../../model/types';
import { useGradientCheck } from './useGradientCheck';
import './gradientCheck.css';

/** The fixtures' steps (training/grad_fixtures.py STEPS). */
const STEPS = 3;

interface Props {
  /** The backend the race trains on (or is asked to); `auto` lets the check choose as the page does. */
  readonly backend: BackendName | 'auto';
  readonly ns: readonly number[];
  readonly width: number;
}

export function GradientCheck({ backend, ns, width }: Props) {
  const { t } = useTranslation();
  const settings = useMemo(() => ({ backend, ns, width }), [backend, ns, width]);
  const { view, run, close } = useGradientCheck(settings);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open) run();
    else close();
  }, [open, run, close]);

  const shownBackend = view.backend ?? (backend === 'auto' ? undefined : backend);
  const backendName = shownBackend ? t(`backend.${shownBackend}`) : '';
  const name = (s: RaceNetSpec) =>
    t('gradCheck.name', { family: t(`gradCheck.${s.family}`), depth: raceDepth(s.n), width: s.width });
  const where = (c: Comparison) => t(`gradCheck.what.${c.kind}`, { name: c.name ?? '', steps: STEPS });
  const verdict = gradCheckVerdict(view);
  const worstSpec = verdict && view.results.find((r) => r.id === verdict.worst.id)?.spec;
  const state = view.phase === 'error' ? 'error' : verdict ? (verdict.passed ? 'pass' : 'fail') : 'running';

  return (
    <details className="race-gradcheck" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('gradCheck.summary')}</summary>
      <p>{t('gradCheck.intro', { backend: backendName || t('gradCheck.chosenBackend'), steps: STEPS })}</p>
      <p className="hint">{t('gradCheck.rule', { allowed: ALLOWED })}</p>
      {!view.exact && <p className="notice">{t('gradCheck.notExact')}</p>}
      <p
        role="status"
        aria-label={t('gradCheck.summary')}
        className={`notice${state === 'fail' || state === 'error' ? ' error' : ''}`}
        data-verdict={open ? state : ''}
        data-backend={view.backend ?? ''}
      >
        {view.phase === 'starting' && t('gradCheck.starting', { backend: backendName })}
        {view.phase === 'running' &&
          t('gradCheck.running', { backend: backendName, done: view.results.length, count: view.ids.length })}
        {verdict &&
          worstSpec &&
          t(verdict.passed ? 'gradCheck.pass' : 'gradCheck.fail', {
            backend: backendName,
            network: name(worstSpec),
            where: where(verdict.worst.comparison),
            error: scientific(verdict.worst.comparison.relative),
            allowed: ALLOWED,
          })}
        {view.phase === 'error' && t(`gradCheck.error.${view.failure ?? 'other'}`, { backend: backendName })}
      </p>
      {view.results.length > 0 && (
        <table className="race-gradcheck-table">
          <caption>{t('gradCheck.caption', { backend: backendName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('gradCheck.network')}</th>
              <th scope="col">{t('gradCheck.worst')}</th>
              <th scope="col">{t('gradCheck.where')}</th>
              <th scope="col">{t('gradCheck.compared')}</th>
              <th scope="col">{t('gradCheck.seconds', { steps: STEPS })}</th>
              <th scope="col">{t('gradCheck.result')}</th>
            </tr>
          </thead>
          <tbody>
            {view.results.map((r) => (
              <tr key={r.id} data-network={r.id} data-relative={r.worst.relative} data-seconds={r.seconds}>
                <th scope="row">{name(r.spec)}</th>
                <td>{scientific(r.worst.relative)}</td>
                <td>{where(r.worst)}</td>
                <td>{r.compared}</td>
                <td>{r.seconds.toFixed(1)}</td>
                <td>{t(r.passed ? 'gradCheck.passed' : 'gradCheck.failed', { allowed: ALLOWED })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
