/**
 * Noticing a worker that stopped answering. A browser that kills a worker (out of memory, a
 * crashed GPU process) fires no error event: a request to it would wait forever. Its jobs
 * report progress (the race every step, the lesion study every batch, the landscape every grid
 * point), so a silence far longer than the gaps expected or seen means the worker is gone.
 * The limit is relative, never a fixed short one: a loaded machine is slow, not dead.
 */

/** Timers, injected so tests run on a fake clock. */
export interface WatchClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: WatchClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => {
    const h = setTimeout(run, ms);
    // in Node (tests), a watch left running does not keep the process alive
    (h as { unref?: () => void }).unref?.();
    return h;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Any silence may last this long (starting a backend, compiling shaders: seconds on a busy machine)… */
export const SILENCE_FLOOR_MS = 60_000;
/** …plus this many times the longest gap between reports, expected or seen. */
export const SILENCE_FACTOR = 10;

/** How long the worker may be silent before the page says so. */
export function silenceLimitMs(expectedGapMs: number, longestGapMs: number, floorMs = SILENCE_FLOOR_MS): number {
  return floorMs + SILENCE_FACTOR * Math.max(expectedGapMs, longestGapMs);
}

export interface SilenceWatchOptions {
  /** The gap between two reports that the job's estimate expects. */
  readonly expectedGapMs: number;
  /** Called once a silence passes the limit (again after `keepWaiting`, at twice the limit). */
  readonly onSilent: () => void;
  /** Called when the worker is heard again after `onSilent`. */
  readonly onHeard?: () => void;
  readonly clock?: WatchClock;
  readonly floorMs?: number;
}

/** Watches one job's reports; `heard` at each, `pause` while it waits on purpose, `stop` at its end. */
export class SilenceWatch {
  private last: number;
  private longestGapMs = 0;
  /** Doubled each time the student chooses to keep waiting. */
  private patience = 1;
  private timer: unknown;
  private paused = false;
  private stopped = false;
  private silentNow = false;
  private readonly clock: WatchClock;

  constructor(private readonly o: SilenceWatchOptions) {
    this.clock = o.clock ?? realClock;
    this.last = this.clock.now();
    this.arm();
  }

  /** Whether the limit has passed since the last report. */
  get silent(): boolean {
    return this.silentNow;
  }

  /** The silence allowed now, in ms. */
  limitMs(): number {
    return this.patience * silenceLimitMs(this.o.expectedGapMs, this.longestGapMs, this.o.floorMs);
  }

  /** A report arrived: the worker is alive. */
  heard(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    if (!this.paused) this.longestGapMs = Math.max(this.longestGapMs, now - this.last);
    this.last = now;
    if (this.silentNow) {
      this.silentNow = false;
      this.o.onHeard?.();
    }
    this.arm();
  }

  /** The job waits on purpose (a paused race): no limit until `resume`. */
  pause(): void {
    this.paused = true;
    this.disarm();
  }

  resume(): void {
    if (!this.paused || this.stopped) return;
    this.paused = false;
    this.last = this.clock.now();
    this.arm();
  }

  /** The student chose to wait: the silence counts from now, and may last twice as long. */
  keepWaiting(): void {
    if (this.stopped) return;
    this.patience *= 2;
    this.silentNow = false;
    this.last = this.clock.now();
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  private disarm(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    this.disarm();
    if (this.paused || this.stopped || this.silentNow) return;
    const due = this.last + this.limitMs();
    this.timer = this.clock.setTimeout(() => this.check(), Math.max(0, due - this.clock.now()));
  }

  // a timer may fire late (a background tab) or early (a clock that jumped): the clock decides
  private check(): void {
    this.timer = undefined;
    if (this.paused || this.stopped || this.silentNow) return;
    // (a millisecond's grace: sums of fractional milliseconds round)
    if (this.last + this.limitMs() - this.clock.now() >= 1) return this.arm();
    this.silentNow = true;
    this.o.onSilent();
  }
}
