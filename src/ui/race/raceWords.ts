/** Durations and budgets in the page's words (the numbers come from src/explain/race/budgets.ts). */
import type { TFunction } from 'i18next';
import { durationParts, type RaceBudgetId } from '../../explain/race/budgets';
import type { BackendMeasurement } from '../../explain/race/probePolicy';
import type { RaceConfig } from '../../explain/race/setup';
import { raceDepth } from '../../model/raceNet';
import type { BackendName } from '../../model/types';
import { backendLabelKey } from '../runtime/backendLabel';

/** "1 h 52 min", "2 min 40 s", "4 min", "42 s". */
export function sayDuration(t: TFunction, seconds: number): string {
  const p = durationParts(seconds);
  if (p.hours) return t('race.time.hours', p);
  if (p.minutes) return t(p.seconds ? 'race.time.minutes' : 'race.time.wholeMinutes', p);
  return t('race.time.seconds', p);
}

/** "quick: 8, 20 layers, width 4, 100 steps of 32 images". */
export function sayBudget(t: TFunction, id: RaceBudgetId, cfg: RaceConfig): string {
  return t('race.controls.budgetOption', {
    name: t(`race.status.budgetNames.${id}`),
    depths: cfg.ns.map(raceDepth).join(', '),
    width: cfg.width,
    count: cfg.steps,
    batch: cfg.batch,
  });
}

/** A backend as the race measured it: "WebGPU (software adapter)" where its adapter is software, as in every chapter. */
export function sayRaceBackend(
  t: TFunction,
  measurements: readonly BackendMeasurement[] | undefined,
  name: BackendName,
): string {
  return t(backendLabelKey(name, !!measurements?.find((m) => m.name === name)?.software));
}
