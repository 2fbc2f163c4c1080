/** Start, pause, resume, reset; which depths race, how wide and how long (kept in the URL). */
import { useTranslation } from 'react-i18next';
import { RACE_N_CHOICES, RACE_WIDTH_CHOICES } from '../../explain/race/setup';
import { raceDepth } from '../../model/raceNet';
import type { UrlState } from '../urlState';
import type { RacePhase } from './useRace';

const STEP_CHOICES = [100, 300, 600, 1000];

interface Props {
  readonly phase: RacePhase;
  readonly ready: boolean;
  /** The depths (as n) shown ticked: the URL's, else the running budget's. */
  readonly ns: readonly number[];
  readonly state: UrlState;
  readonly update: (patch: Partial<UrlState>) => void;
  readonly onStart: () => void;
  readonly onPause: () => void;
  readonly onResume: () => void;
  readonly onReset: () => void;
}

export function RaceControls({ phase, ready, ns, state, update, onStart, onPause, onResume, onReset }: Props) {
  const { t } = useTranslation();
  const busy = phase === 'measuring' || phase === 'running' || phase === 'paused';
  const toggle = (n: number) => {
    const next = ns.includes(n) ? ns.filter((m) => m !== n) : [...ns, n];
    update({
      rdepths: [...next]
        .sort((a, b) => a - b)
        .map(raceDepth)
        .join(','),
    });
  };
  const steps = STEP_CHOICES.includes(state.rsteps) || !state.rsteps ? STEP_CHOICES : [...STEP_CHOICES, state.rsteps];
  return (
    <div className="race-controls">
      <fieldset disabled={busy}>
        <legend>{t('race.controls.depths')}</legend>
        {RACE_N_CHOICES.map((n) => (
          <label key={n}>
            <input type="checkbox" checked={ns.includes(n)} onChange={() => toggle(n)} />
            {t('race.controls.depth', { depth: raceDepth(n), n })}
          </label>
        ))}
        {!state.rdepths && <span className="hint">{t('race.controls.auto')}</span>}
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
