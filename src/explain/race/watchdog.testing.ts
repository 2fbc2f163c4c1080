/** A fake clock for the silence watch's tests (./watchdog.test.ts, ./workerSilence.test.ts). */
import type { WatchClock } from './watchdog';

export class FakeClock implements WatchClock {
  private t = 0;
  private timers = new Map<number, { at: number; run: () => void }>();
  private next = 1;
  now = () => this.t;
  setTimeout = (run: () => void, ms: number) => {
    this.timers.set(this.next, { at: this.t + ms, run });
    return this.next++;
  };
  clearTimeout = (h: unknown) => void this.timers.delete(h as number);
  /** Move time on by `ms`, running the timers due on the way, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.timers].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = due[1].at;
      due[1].run();
    }
    this.t = end;
  }
  get pending(): number {
    return this.timers.size;
  }
}
