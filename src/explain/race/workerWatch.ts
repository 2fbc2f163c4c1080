/**
 * The silence watches over the jobs waiting on the race's worker (the race, the lesion study,
 * the loss landscape): one `SilenceWatch` (./watchdog.ts) per job, fed by every message the
 * worker sends. When one passes its limit the page says so, and the student keeps waiting or
 * tries again in a fresh worker, where each waiting job is sent again.
 */
import type { RaceRequest } from '../../workers/raceMessages';
import { askWorker, WorkerFailure, type AskableWorker, type ReplyReader } from './askWorker';
import { SilenceWatch, type WatchClock } from './watchdog';

export type WorkerJob = 'race' | 'lesion' | 'landscape';

export interface WatchedJob {
  /** Send the request again, to the fresh worker that took over. */
  readonly resend?: () => void;
  /** No fresh worker could take over: the job ends with this failure (for the console). */
  readonly fail?: (message: string) => void;
}

export interface WatchOptions {
  readonly clock?: WatchClock;
  /** Build for tests only: a shorter floor (`?rsilent`), so e2e need not wait a minute. */
  readonly floorMs?: number;
}

interface Entry {
  readonly gapMs: number;
  readonly job: WatchedJob;
  watch: SilenceWatch;
}

export class WorkerWatches {
  private readonly entries = new Map<WorkerJob, Entry>();

  constructor(
    /** Told the jobs that passed their limit, whenever that list changes. */
    private readonly onChange: (silent: readonly WorkerJob[]) => void,
    private readonly options: WatchOptions = {},
  ) {}

  /** The jobs whose worker has been silent past their limit. */
  silent(): WorkerJob[] {
    return [...this.entries].filter(([, e]) => e.watch.silent).map(([j]) => j);
  }

  /** Watch `job` from now (a watch of the same job ends); returns the call that ends this one. */
  watch(name: WorkerJob, expectedGapMs: number, job: WatchedJob = {}): () => void {
    const before = this.entries.get(name);
    before?.watch.stop();
    const entry: Entry = { gapMs: expectedGapMs, job, watch: this.newWatch(expectedGapMs) };
    this.entries.set(name, entry);
    if (before?.watch.silent) this.onChange(this.silent());
    return () => {
      entry.watch.stop();
      if (this.entries.get(name) !== entry) return;
      const wasSilent = this.silent().length > 0;
      this.entries.delete(name);
      if (wasSilent) this.onChange(this.silent());
    };
  }

  /** The worker sent something: it is alive. */
  heard(): void {
    this.entries.forEach((e) => e.watch.heard());
  }

  /** The job waits on purpose (a paused race). */
  pause(name: WorkerJob): void {
    this.entries.get(name)?.watch.pause();
  }

  resume(name: WorkerJob): void {
    this.entries.get(name)?.watch.resume();
  }

  /** The student keeps waiting: every silent watch counts again, with twice the patience. */
  keepWaiting(): void {
    this.entries.forEach((e) => e.watch.silent && e.watch.keepWaiting());
    this.onChange(this.silent());
  }

  /** A fresh worker takes over: every watch starts again from now; returns the jobs, to send again. */
  restart(): WatchedJob[] {
    this.entries.forEach((e) => {
      e.watch.stop();
      e.watch = this.newWatch(e.gapMs);
    });
    this.onChange([]);
    return [...this.entries.values()].map((e) => e.job);
  }

  /** Every watch ends (the worker went, the race was reset). */
  clear(): void {
    const wasSilent = this.silent().length > 0;
    this.entries.forEach((e) => e.watch.stop());
    this.entries.clear();
    if (wasSilent) this.onChange([]);
  }

  private newWatch(expectedGapMs: number): SilenceWatch {
    const changed = () => this.onChange(this.silent());
    return new SilenceWatch({
      expectedGapMs,
      onSilent: changed,
      onHeard: changed,
      ...(this.options.clock ? { clock: this.options.clock } : {}),
      ...(this.options.floorMs !== undefined ? { floorMs: this.options.floorMs } : {}),
    });
  }
}

/** What a watched worker needs (session.ts's `RaceWorkerLike`; said here, so neither file imports the other). */
interface WatchableWorker extends AskableWorker {
  postMessage(m: RaceRequest, transfer?: Transferable[]): void;
  terminate(): void;
}

/**
 * `inner` behind a doorway that calls `heard(outer)` at each of its messages before passing it
 * on; handlers are set on the doorway, so requests swapping them never miss a sign of life.
 */
export function watchedWorker<W extends WatchableWorker>(inner: W, heard: (outer: WatchableWorker) => void): W {
  const outer: WatchableWorker = {
    onmessage: null,
    onerror: null,
    postMessage: (m, transfer) => (transfer ? inner.postMessage(m, transfer) : inner.postMessage(m)),
    terminate: () => inner.terminate(),
  };
  inner.onmessage = (e) => {
    heard(outer);
    outer.onmessage?.(e);
  };
  inner.onerror = (e) => outer.onerror?.(e);
  return outer as W;
}

/**
 * A request (./askWorker.ts) watched for silence as job `name`; after "Try again" it is sent
 * again to whatever `worker()` is then (the fresh one), and answers from there.
 */
export function askWatched<T>(
  watches: WorkerWatches,
  ask: { readonly name: WorkerJob; readonly gapMs: number; readonly worker: () => AskableWorker | undefined },
  request: RaceRequest,
  read: ReplyReader<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let attempt = 0;
    const settle = (mine: number, then: () => void) => {
      if (mine !== attempt) return; // an answer from the worker that was replaced
      end();
      then();
    };
    const send = () => {
      const mine = ++attempt;
      const w = ask.worker();
      if (!w) return settle(mine, () => reject(new WorkerFailure('the race worker is gone')));
      askWorker(w, request, read).then(
        (v) => settle(mine, () => resolve(v)),
        (e: unknown) => settle(mine, () => reject(e)),
      );
    };
    const end = watches.watch(ask.name, ask.gapMs, {
      resend: send,
      fail: (message) => settle(++attempt, () => reject(new WorkerFailure(message))),
    });
    send();
  });
}
