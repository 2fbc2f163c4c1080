/**
 * The landscape of one visit's race, on the page's side: asks the race worker (which holds the
 * trained networks) to compute it, follows its progress, cancels it, and keeps the result for
 * the race it belongs to, so coming back to the chapter (or pressing the button again) does not
 * compute it again. One per race session (`landscapeSessionOf`).
 */
import { Store } from '../store';
import { raceCost } from '../../model/raceNet';
import type { RaceMessage } from '../../workers/raceMessages';
import { FORWARD_SHARE, stepMs, type ProbeSpeed } from '../race/budgets';
import { landscapeGapMs } from '../race/expectedGaps';
import type { RaceSession } from '../race/session';
import { raceEntries, type RaceConfig } from '../race/setup';
import type { RaceCurves } from '../race/curves';
import type { LandscapeProgress, LandscapeResult } from './compute';

export interface LandscapeState {
  readonly phase: 'idle' | 'computing' | 'done' | 'error';
  /** The race the result belongs to (its `finishedAt`) and the grid asked for. */
  readonly race?: string;
  readonly size?: number;
  readonly progress?: LandscapeProgress;
  readonly result?: LandscapeResult;
  readonly error?: string;
}

/**
 * Seconds the landscape should take: one forward pass of `images` per grid point and network,
 * at the speed of the network's last validation in the race (a forward pass with batch norm's
 * running statistics, timed on this device: `curves`); where none was timed, a third of a
 * training step at the probe's speed. The landscape's passes fold batch norm into the
 * convolutions, so they run somewhat faster than validation. (Estimated as a third of a
 * training step for every network, a race's landscape here was said to take 5 min 30 s and
 * took 140 s: the race's training steps cost far more than three forward passes.)
 */
export function estimateLandscapeSeconds(
  speed: ProbeSpeed,
  config: Pick<RaceConfig, 'ns' | 'width'>,
  size: number,
  images: number,
  curves: RaceCurves = {},
): number {
  const ms = raceEntries(config).reduce((sum, e) => {
    const measured = curves[e.id]?.val.at(-1)?.msPerImage;
    return sum + (measured !== undefined ? measured * images : FORWARD_SHARE * stepMs(speed, e.spec, images));
  }, 0);
  return (ms * size * size) / 1000;
}

/** Multiply-adds of the whole landscape (every network, every point), for the bench. */
export function landscapeMultiplyAdds(config: Pick<RaceConfig, 'ns' | 'width'>, size: number, images: number): number {
  return raceEntries(config).reduce((s, e) => s + raceCost(e.spec).multiplyAdds, 0) * images * size * size;
}

export class LandscapeSession extends Store<LandscapeState> {
  private job = 0;
  private endWatch: () => void = () => undefined;

  constructor(
    private readonly race: Pick<RaceSession, 'finishedWorker' | 'getState'> & Partial<Pick<RaceSession, 'watchJob'>>,
  ) {
    super({ phase: 'idle' });
  }

  private set(s: LandscapeState): void {
    this.publish(s);
  }

  /** Compute the finished race's landscape on a `size`² grid, unless this race's is already here. */
  start(size: number, images: number): void {
    const { finishedAt: race, speed, config } = this.race.getState();
    if (!this.race.finishedWorker() || !race) return;
    const s = this.state;
    if (s.race === race && s.size === size && (s.phase === 'done' || s.phase === 'computing')) return;
    const job = ++this.job;
    this.set({ phase: 'computing', race, size });
    // a worker that stops answering is noticed; "Try again" sends the request to the fresh one
    const end =
      this.race.watchJob && speed && config
        ? this.race.watchJob('landscape', landscapeGapMs(config, speed, images), {
            resend: () => send(),
            fail: (error) => finish({ phase: 'error', race, size, error }),
          })
        : () => undefined;
    this.endWatch = end;
    const finish = (next: LandscapeState) => {
      end();
      if (this.job === job) this.set(next);
    };
    const send = () => {
      const w = this.race.finishedWorker();
      if (!w) return finish({ phase: 'error', race, size, error: 'the race worker is gone' });
      const previous = w.onmessage;
      const previousError = w.onerror;
      const restore = () => {
        if (w.onmessage === listen) w.onmessage = previous;
        if (w.onerror === fail) w.onerror = previousError;
      };
      const listen = (e: { data: RaceMessage }) => {
        const m = e.data;
        if (!m.type.startsWith('landscape') || !('job' in m)) return previous?.(e);
        if (m.job !== job) return previous?.(e);
        if (m.type === 'landscape-progress') {
          if (this.job === job) this.set({ ...this.state, progress: m.progress });
          return;
        }
        restore();
        if (m.type === 'landscape-error') finish({ phase: 'error', race, size, error: m.message });
        else if (m.result === 'cancelled') finish({ phase: 'idle' });
        else finish({ phase: 'done', race, size, result: m.result });
      };
      // the worker threw or died before it answered: the surface never comes, the race stays done
      const fail = (e: { message?: string }) => {
        restore();
        finish({ phase: 'error', race, size, error: e.message ?? 'the race worker stopped' });
      };
      w.onerror = fail;
      w.onmessage = listen;
      try {
        w.postMessage({ type: 'landscape', job, size, images });
      } catch (e) {
        fail({ message: e instanceof Error ? e.message : String(e) });
      }
    };
    send();
  }

  /** Stop the computation in progress; nothing of it is kept. */
  cancel(): void {
    if (this.state.phase !== 'computing') return;
    this.race.finishedWorker()?.postMessage({ type: 'landscape-cancel' });
    this.endWatch();
    this.job++;
    this.set({ phase: 'idle' });
  }
}

const sessions = new WeakMap<object, LandscapeSession>();

/** The landscape session of a race session, made on first use and kept as long as the race session. */
export function landscapeSessionOf(race: RaceSession): LandscapeSession {
  let s = sessions.get(race);
  if (!s) sessions.set(race, (s = new LandscapeSession(race)));
  return s;
}
