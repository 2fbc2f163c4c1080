/**
 * What the race measured, as sentences (i18n keys with values) generated from this run's
 * numbers: loss as the mean of the last 50 steps (a quarter of a shorter race), accuracy on
 * the validation images. The degradation claim is made only when this run shows it. Each
 * sentence carries `count` (the steps), so i18next picks "1 step" or "2 steps".
 */
import { raceDepth } from '../../model/raceNet';
import { recentLoss, type RaceCurves } from './curves';
import type { RaceConfig } from './setup';

export interface RaceSentence {
  readonly key: string;
  readonly values: Readonly<Record<string, string | number>>;
}

export const LOSS_WINDOW = 50;

/** The steps a race's losses are averaged over: 50, or a quarter of a race shorter than 200 steps. */
export function verdictWindow(raceSteps: number): number {
  return Math.max(1, Math.min(LOSS_WINDOW, Math.floor(raceSteps / 4)));
}

const fmt = (x: number) => x.toFixed(2);
const pct = (x: number) => (100 * x).toFixed(1);

/** Loss (mean of the last `window` steps) of every network that has trained, by id. */
export function finalLosses(curves: RaceCurves, window = LOSS_WINDOW): Record<string, number> {
  return Object.fromEntries(
    Object.values(curves)
      .filter((c) => c.loss.length)
      .map((c) => [
        c.id,
        recentLoss(
          c.loss.map((p) => p.loss),
          window,
        ),
      ]),
  );
}

/**
 * The sentences for a race after `steps` steps: for the shallowest and the deepest depth,
 * plain against plain and residual, and whether this run shows the degradation problem.
 */
export function describeRace(cfg: Pick<RaceConfig, 'ns' | 'steps'>, curves: RaceCurves, steps: number): RaceSentence[] {
  const window = verdictWindow(cfg.steps);
  const loss = finalLosses(curves, window);
  const ns = [...cfg.ns].sort((a, b) => a - b);
  const shallow = ns[0]!;
  const deep = ns.at(-1)!;
  const get = (family: string, n: number) => loss[`${family}-${n}`];
  const pS = get('plain', shallow);
  const pD = get('plain', deep);
  const rD = get('residual', deep);
  if (pS === undefined || pD === undefined || rD === undefined || steps === 0) return [];
  if (shallow === deep)
    return [
      {
        key: 'oneDepth',
        values: { count: steps, depth: raceDepth(deep), plain: fmt(pD), residual: fmt(rD) },
      },
    ];
  const values = {
    count: steps,
    deep: raceDepth(deep),
    shallow: raceDepth(shallow),
    pD: fmt(pD),
    pS: fmt(pS),
    rD: fmt(rD),
  };
  const out: RaceSentence[] = [{ key: pD > pS ? 'deepPlainAbove' : 'deepPlainBelow', values }];
  // a verdict needs a full averaging window: the first steps say more about the start than the training
  if (steps < window) return [...out, { key: 'tooEarly', values: { ...values, count: window } }];
  const degraded = pD > pS;
  const rescued = rD < pD;
  out.push({ key: degraded && rescued ? 'shows' : degraded ? 'showsDegradationOnly' : 'notShown', values });
  const acc = (id: string) => curves[id]?.val.at(-1)?.accuracy;
  const [aS, aD, aR] = [acc(`plain-${shallow}`), acc(`plain-${deep}`), acc(`residual-${deep}`)];
  if (aS !== undefined && aD !== undefined && aR !== undefined)
    out.push({ key: 'accuracy', values: { ...values, aS: pct(aS), aD: pct(aD), aR: pct(aR) } });
  return out;
}

/** He et al. (2016), Table 6: CIFAR-10 test error of the residual networks (%), for reference. */
export const PAPER_CIFAR_RESNET_ERROR: readonly { readonly depth: number; readonly error: number }[] = [
  { depth: 20, error: 8.75 },
  { depth: 32, error: 7.51 },
  { depth: 44, error: 7.17 },
  { depth: 56, error: 6.97 },
  { depth: 110, error: 6.43 },
];
