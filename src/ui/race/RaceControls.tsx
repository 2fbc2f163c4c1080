/** Start, pause, resume, reset; the budget (with its time here, once measured), depths, width, steps (kept in the URL). */
import { useTranslation } from 'react-i18next';
import {
  estimateRaceSeconds,
  RACE_BUDGET_IDS,
  RACE_BUDGETS,
  TARGET_SECONDS,
  type ProbeSpeed,
} from '../../explain/race/budgets';
import type { RacePhase } from '../../explain/race/session';
import { RACE_N_CHOICES, RACE_WIDTH_CHOICES, withChoice, type RaceChoice } from '../../explain/race/setup';
import { raceDepth } from '../../model/raceNet';
import type { UrlState } from '../urlState';
import { sayBudget, sayDuration } from './raceWords';

const STEP_CHOICES = [100, 300, 600, 1000];

interface Props {
  readonly phase: RacePhase;
  readonly ready: boolean;
  /** The depths (as n) shown ticked: the URL's, else the running budget's. */
  readonly ns: readonly number[];
  readonly state: UrlState;
  /** The teacher's choices laid over a budget, and the speed measured here (once it is). */
  readonly choice: RaceChoice;
  readonly speed: ProbeSpeed | undefined;
  readonly update: (patch: Partial<UrlState>) => void;
  readonly onStart: () => void;
  readonly onPause: () => void;
  readonly onResume: () => void;
  readonly onReset: () => void;
}

export function RaceControls({
  phase,
  ready,
  ns,
  state,
  choice,
  speed,
  update,
  onStart,
  onPause,
  onResume,
  onReset,
}: Props) {
  const { t } = useTranslation();
  const busy = phase === 'measuring' || phase === 'running' || phase === 'paused';
  const toggle = (n: number) => {
    const next = ns.includes(n) ? ns.filter((m) => m !== n) : [...ns, n];
    update({
      rdepths: [...next].sort((a, b) => a - b).map(raceDepth),
    });
  };
  const steps = STEP_CHOICES.includes(state.rsteps) || !state.rsteps ? STEP_CHOICES : [...STEP_CHOICES, state.rsteps];
  return (
    <div className="race-controls">
      <label className="race-budget">
        {t('race.controls.budget')}
        <select
          disabled={busy}
          value={state.rbudget}
          onChange={(e) => update({ rbudget: e.target.value as UrlState['rbudget'] })}
        >
          <option value="auto">{t('race.controls.budgetAuto', { minutes: TARGET_SECONDS / 60 })}</option>
          {RACE_BUDGET_IDS.map((id) => {
            const cfg = withChoice(RACE_BUDGETS[id], choice);
            const option = sayBudget(t, id, cfg);
            return (
              <option key={id} value={id}>
                {speed
                  ? t('race.controls.budgetTime', { option, time: sayDuration(t, estimateRaceSeconds(cfg, speed)) })
                  : option}
              </option>
            );
          })}
        </select>
        {speed?.pace !== undefined && <span className="hint">{t('race.controls.budgetPace')}</span>}
      </label>
      <fieldset disabled={busy}>
        <legend>{t('race.controls.depths')}</legend>
        {RACE_N_CHOICES.map((n) => (
          <label key={n}>
            <input type="checkbox" checked={ns.includes(n)} onChange={() => toggle(n)} />
            {t('race.controls.depth', { depth: raceDepth(n), n })}
          </label>
        ))}
        {state.rdepths.length === 0 && <span className="hint">{t('race.controls.auto')}</span>}
      </fieldset>
      <label>
        {t('race.controls.width')}
        <select disabled={busy} value={state.rwidth} onChange={(e) => update({ rwidth: Number(e.target.value) })}>
          <option value={0}>{t('race.controls.automatic')}</option>
          {RACE_WIDTH_CHOICES.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('race.controls.steps')}
        <select disabled={busy} value={state.rsteps} onChange={(e) => update({ rsteps: Number(e.target.value) })}>
          <option value={0}>{t('race.controls.automatic')}</option>
          {steps.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <div className="race-buttons">
        <button type="button" onClick={onStart} disabled={!ready || busy}>
          {phase === 'idle' ? t('race.controls.start') : t('race.controls.again')}
        </button>
        {phase === 'running' && (
          <button type="button" className="secondary" onClick={onPause}>
            {t('race.controls.pause')}
          </button>
        )}
        {phase === 'paused' && (
          <button type="button" onClick={onResume}>
            {t('race.controls.resume')}
          </button>
        )}
        <button type="button" className="secondary" onClick={onReset} disabled={phase === 'idle'}>
          {t('race.controls.reset')}
        </button>
      </div>
    </div>
  );
}
