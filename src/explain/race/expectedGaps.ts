/**
 * The longest gap expected between two reports of each job in the race's worker, from the
 * speed the race measured (./budgets.ts): what the silence watch (./watchdog.ts) compares with.
 */
import { FORWARD_SHARE, stepMs, type ProbeSpeed } from './budgets';
import { raceEntries, type RaceConfig } from './setup';

/** One race step: every network trains one step, and validates on an evaluation step. */
export function raceGapMs(cfg: RaceConfig, speed: ProbeSpeed): number {
  const batches = Math.ceil(cfg.valImages / 100);
  return raceEntries(cfg).reduce(
    (ms, e) => ms + stepMs(speed, e.spec, cfg.batch) + FORWARD_SHARE * stepMs(speed, e.spec, 100) * batches,
    0,
  );
}

/** Images a lesion study's report covers: the worker reports after each batch (src/model/raceLesion.ts). */
export const LESION_BATCH = 250;

/** One lesion report: one batch of validation images through the largest network, one block removed. */
export function lesionGapMs(cfg: Pick<RaceConfig, 'ns' | 'width' | 'valImages'>, speed: ProbeSpeed): number {
  const images = Math.min(LESION_BATCH, cfg.valImages);
  return Math.max(0, ...raceEntries(cfg).map((e) => FORWARD_SHARE * stepMs(speed, e.spec, images)));
}

/** One landscape report: the loss at one grid point of the largest network, on `images` images. */
export function landscapeGapMs(cfg: Pick<RaceConfig, 'ns' | 'width'>, speed: ProbeSpeed, images: number): number {
  return Math.max(0, ...raceEntries(cfg).map((e) => FORWARD_SHARE * stepMs(speed, e.spec, images)));
}
