/**
 * After a race: remove one block at a time from each trained plain and residual network (only
 * blocks that keep the shape, each replaced by the identity; offered for n ≥ 3) and measure the
 * validation accuracy, in the race's worker. Says whether this run shows plain networks
 * collapsing and residual ones degrading gracefully, or that it does not.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeRaceLesion, RACE_LESION_MIN_N, type RaceLesionNetwork } from '../../explain/lesion/raceLesion';
import type { RaceSession, RaceSessionState } from '../../explain/race/session';
import { raceEntries, type RaceConfig } from '../../explain/race/setup';
import { pct } from '../../explain/lesion/describe';
import { WorkerSilence } from './WorkerSilence';

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'done'; readonly nets: readonly RaceLesionNetwork[] }
  | { readonly kind: 'error' };

export function RaceLesion({
  session,
  state,
  config,
}: {
  readonly session: RaceSession | undefined;
  readonly state: RaceSessionState;
  readonly config: RaceConfig;
}) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const done = state.phase === 'done';
  // a new race (or a reset) makes the measurement of the last one stale
  useEffect(() => {
    if (!done) setPhase({ kind: 'idle' });
  }, [done]);
  const offered = config.ns.some((n) => n >= RACE_LESION_MIN_N);
  if (!done || !session) return null;
  if (!offered) return <p className="notice">{t('raceLesion.notOffered', { n: RACE_LESION_MIN_N })}</p>;
  const run = () => {
    setPhase({ kind: 'running' });
    session.lesion().then(
      (results) => {
        const entries = raceEntries(config);
        const nets = results.flatMap((r) => {
          const e = entries.find((x) => x.id === r.id);
          return e ? [{ family: e.spec.family, n: e.spec.n, depth: e.depth, rows: r.rows, images: r.images }] : [];
        });
        setPhase({ kind: 'done', nets });
      },
      (e: unknown) => {
        // the student reads the page's own words; the worker's message is for whoever debugs
        console.warn('race lesion study failed:', e);
        setPhase({ kind: 'error' });
      },
    );
  };
  const sentences = phase.kind === 'done' ? describeRaceLesion(phase.nets) : [];
  return (
    <section className="race-lesion" aria-labelledby="race-lesion-heading">
      <h3 id="race-lesion-heading">{t('raceLesion.heading')}</h3>
      <p>{t('raceLesion.intro')}</p>
      <button type="button" className="tool" disabled={phase.kind === 'running'} onClick={run}>
        {phase.kind === 'error' ? t('raceLesion.retry') : t('raceLesion.run')}
      </button>
      {phase.kind === 'running' && <span role="status"> {t('raceLesion.running')}</span>}
      {phase.kind === 'running' && <WorkerSilence job="lesion" session={session} state={state} />}
      {phase.kind === 'error' && (
        <p role="alert" className="notice error">
          {t('raceLesion.failed')}
        </p>
      )}
      {phase.kind === 'done' && (
        <>
          <table className="stage-table">
            <caption>{t('raceLesion.caption', { images: phase.nets[0]?.images ?? 0 })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('raceLesion.network')}</th>
                <th scope="col" className="num">
                  {t('raceLesion.intact')}
                </th>
                <th scope="col">{t('raceLesion.removedEach')}</th>
              </tr>
            </thead>
            <tbody>
              {phase.nets.map((n) => (
                <tr key={`${n.family}-${n.n}`}>
                  <th scope="row">{t('race.network', { family: t(`race.${n.family}`), depth: n.depth })}</th>
                  <td className="num">{pct((n.rows[0]?.correct ?? 0) / n.images)} %</td>
                  <td>
                    {n.rows
                      .filter((r) => r.removed !== null)
                      .map((r) => pct(r.correct / n.images))
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="race-claims" aria-live="polite">
            {sentences.map((s, i) => (
              <li key={`${s.key}-${i}`}>{t(`raceLesion.sentence.${s.key}`, s.values)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
