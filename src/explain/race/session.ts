/**
 * The race of one visit: created once by the page frame, so leaving the chapter and coming
 * back finds the curves, the verdict, where it stood and the trained networks (kept in the
 * worker) as they were. It times the backends in workers of their own (./probePolicy.ts),
 * keeps the fastest, chooses the budget from its speed (./budgets.ts) and races there.
 * A store for React's useSyncExternalStore; workers come from `spawn`, so tests use stand-ins.
 * A worker the browser stopped without a word (out of memory) is noticed by the silence of its
 * reports (./workerWatch.ts); "Try again" goes on in a fresh worker, the finished race kept.
 */
import type { BackendName } from '../../model/types';
import { Store } from '../store';
import type { RaceMessage } from '../../workers/raceMessages';
import { chooseBudget, correctedByPace, estimateRaceSeconds, RACE_BUDGETS, type ProbeSpeed } from './budgets';
import { WorkerFailure } from './askWorker';
import { lesionGapMs, raceGapMs } from './expectedGaps';
import { addSteps } from './curves';
import { chooseByProbing, ProbeError, type ProbeFailure } from './probePolicy';
import { probeInWorker } from './probeWorker';
import type { RaceLesionResult } from './runtime';
import { restoreRace, type FinishedRace } from './restoreWorker';
import { withChoice } from './setup';
import type { RaceSessionState, RaceStart, RaceWorkerLike } from './sessionState';
import { askWatched, watchedWorker, WorkerWatches } from './workerWatch';
import type { WatchedJob, WatchOptions, WorkerJob } from './workerWatch';

export type { RacePhase, RaceSessionState, RaceStart, RaceWorkerLike } from './sessionState';

const IDLE: RaceSessionState = { phase: 'idle', curves: {}, runningSeconds: 0 };

export class RaceSession extends Store<RaceSessionState> {
  private worker: { name: BackendName; speed: ProbeSpeed; w: RaceWorkerLike } | undefined;
  /** The `requested` backend the kept worker was measured for. */
  private measuredFor: BackendName | undefined;
  private run = 0;
  private runningSince: number | undefined;
  /** The start asked for last (its data and choices, for a race started over in a fresh worker). */
  private lastStart: RaceStart | undefined;
  /** The finished race's networks whole, as its worker sent them, for a fresh worker to take over. */
  private finished: FinishedRace | undefined;
  private readonly watches: WorkerWatches;
  private endRaceWatch: () => void = () => undefined;

  constructor(
    private readonly spawn: () => RaceWorkerLike,
    private readonly now: () => number = () => performance.now(),
    private readonly clock: () => Date = () => new Date(),
    watch: WatchOptions = {},
  ) {
    super(IDLE);
    this.watches = new WorkerWatches((silent) => this.set({ silent }), watch);
  }

  private set(patch: Partial<RaceSessionState> | ((s: RaceSessionState) => RaceSessionState)): void {
    this.publish(typeof patch === 'function' ? patch(this.state) : { ...this.state, ...patch });
  }

  /**
   * Measure (once a visit, again when another backend is asked for), choose the budget, race.
   * (`retry`: the race starts over in a fresh worker, as measured and chosen before.)
   */
  async start(s: RaceStart, retry?: { measuredFor: BackendName | undefined; budgetByPage: boolean }): Promise<void> {
    const run = ++this.run;
    if (!retry) this.lastStart = s;
    this.finished = undefined;
    // a worker that stopped answering is not asked again
    if (this.state.silent?.length) this.dropWorker();
    this.watches.clear();
    this.worker?.w.postMessage({ type: 'stop' });
    this.runningSince = undefined;
    const startedAt = this.clock().toISOString();
    if (!this.worker || this.measuredFor !== s.requested) {
      this.worker?.w.terminate();
      this.worker = undefined;
      const t0 = this.now();
      this.set({ ...IDLE, phase: 'measuring', startedAt });
      try {
        const { chosen, measurements } = await chooseByProbing({
          candidates: s.available,
          software: s.software,
          ...(s.requested ? { requested: s.requested } : {}),
          probe: (name, limitMs) => this.probe(name, limitMs, s.data),
          now: this.now,
        });
        if (run !== this.run) return;
        this.measuredFor = retry ? retry.measuredFor : s.requested;
        this.set({ backend: chosen, measurements, measuringSeconds: (this.now() - t0) / 1000 });
      } catch (e) {
        return this.fail(
          run,
          e instanceof Error ? e.message : String(e),
          e instanceof ProbeError ? e.failure : 'failed',
        );
      }
    }
    const { w, speed, name } = this.worker!;
    const budget = s.budget === 'auto' ? chooseBudget(speed) : s.budget;
    const config = withChoice(RACE_BUDGETS[budget], s.choice);
    this.set((st) => ({
      ...IDLE,
      backend: name,
      ...(st.measurements ? { measurements: st.measurements } : {}),
      ...(st.measuringSeconds !== undefined ? { measuringSeconds: st.measuringSeconds } : {}),
      speed,
      phase: 'running',
      budget,
      budgetByPage: retry ? retry.budgetByPage : s.budget === 'auto',
      config,
      estimateSeconds: estimateRaceSeconds(config, speed),
      startedAt: st.startedAt ?? startedAt,
    }));
    this.runningSince = this.now();
    this.listen(w, run);
    this.endRaceWatch = this.watches.watch('race', raceGapMs(config, speed));
    w.postMessage({ type: 'start', config, run });
  }

  pause(): void {
    if (this.state.phase !== 'running') return;
    this.watches.pause('race');
    this.worker?.w.postMessage({ type: 'pause' });
    this.set({ phase: 'paused', runningSeconds: this.running() });
    this.runningSince = undefined;
  }

  resume(): void {
    if (this.state.phase !== 'paused') return;
    this.worker?.w.postMessage({ type: 'resume' });
    this.watches.resume('race');
    this.runningSince = this.now();
    this.set({ phase: 'running' });
  }

  /** Back to the start: the race stops and its networks are freed; the measured backend stays. */
  reset(): void {
    if (this.state.phase === 'running' || this.state.phase === 'paused') this.learnPace();
    this.run++;
    this.watches.clear();
    this.finished = undefined;
    this.worker?.w.postMessage({ type: 'stop' });
    this.runningSince = undefined;
    this.set(this.worker ? { ...IDLE, speed: this.worker.speed } : IDLE);
  }

  /**
   * The finished race's networks with one block removed at a time (runtime.ts `lesion`); empty
   * when none finished. Rejects with a `WorkerFailure` when the worker fails it; the race stays done.
   */
  lesion(): Promise<readonly RaceLesionResult[]> {
    const w = this.worker?.w;
    const { config, speed } = this.state;
    if (!w || this.state.phase !== 'done' || !config || !speed) return Promise.resolve([]);
    const ask = { name: 'lesion', gapMs: lesionGapMs(config, speed), worker: () => this.worker?.w } as const;
    return askWatched<readonly RaceLesionResult[]>(this.watches, ask, { type: 'lesion' }, (m) =>
      m.type === 'lesion' ? { value: m.results } : m.type === 'lesion-error' ? { error: m.message } : undefined,
    );
  }

  /**
   * Watch a job waiting on the worker (`job.resend` sends it again to a fresh worker after "Try
   * again"); returns the call that ends the watch, for when the job ends.
   */
  watchJob(name: WorkerJob, expectedGapMs: number, job: WatchedJob): () => void {
    return this.watches.watch(name, expectedGapMs, job);
  }

  /** The student keeps waiting for a silent worker: the page asks again after twice as long. */
  keepWaiting(): void {
    this.watches.keepWaiting();
  }

  /**
   * The student gives up on a silent worker: it is stopped and a fresh one takes over. A race
   * in progress starts over there; after a race, its networks move there (the finished race,
   * curves and verdict, stays as it was) and each waiting job is sent again.
   */
  async tryAgain(): Promise<void> {
    if (!this.state.silent?.length) return;
    const last = this.lastStart;
    if (this.state.phase === 'running' || this.state.phase === 'paused') {
      const backend = this.worker?.name;
      const again = { measuredFor: this.measuredFor, budgetByPage: !!this.state.budgetByPage };
      this.dropWorker();
      if (last)
        await this.start(
          { ...last, budget: this.state.budget ?? last.budget, ...(backend ? { requested: backend } : {}) },
          again,
        );
      return;
    }
    const jobs = this.watches.restart();
    try {
      await this.replaceWorker();
      jobs.forEach((j) => j.resend?.());
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.watches.clear();
      jobs.forEach((j) => j.fail?.(message));
    }
  }

  /** The worker holding the finished race's networks, for experiments on them (none before a race finished). */
  finishedWorker(): RaceWorkerLike | undefined {
    return this.state.phase === 'done' ? this.worker?.w : undefined;
  }

  /** The end of the visit: the worker goes. */
  dispose(): void {
    this.run++;
    this.watches.clear();
    this.worker?.w.terminate();
    this.worker = undefined;
    this.unsubscribeAll();
  }

  /** The race so far corrects its worker's speed (budgets.ts `correctedByPace`), which the Budget menu shows. */
  private learnPace(): void {
    const { config, curves } = this.state;
    if (!this.worker || !config) return;
    this.worker = { ...this.worker, speed: correctedByPace(this.worker.speed, config, curves, this.running()) };
    this.set({ speed: this.worker.speed });
  }

  private running(): number {
    const since = this.runningSince;
    return this.state.runningSeconds + (since === undefined ? 0 : (this.now() - since) / 1000);
  }

  private onRaceMessage(run: number, m: RaceMessage): void {
    // a stopped race's reports may still arrive
    if (run !== this.run || ('run' in m && m.run !== run)) return;
    switch (m.type) {
      case 'step': {
        const runningSeconds = this.running();
        if (this.runningSince !== undefined) this.runningSince = this.now();
        this.set((s) => ({ ...s, curves: addSteps(s.curves, [m.records]), runningSeconds }));
        break;
      }
      case 'done':
        this.endRaceWatch();
        if (m.trained && this.state.config) this.finished = { config: this.state.config, nets: m.trained };
        this.learnPace();
        this.runningSince = undefined;
        this.set({ phase: 'done', finishedAt: this.clock().toISOString() });
        break;
      case 'error':
        this.fail(run, m.message, m.failure);
        break;
    }
  }

  private fail(run: number, message: string, failure: ProbeFailure = 'failed'): void {
    if (run !== this.run) return;
    this.endRaceWatch();
    this.runningSince = undefined;
    this.set({ phase: 'error', error: { failure, message } });
  }

  /** The session's own handlers on the race's worker. */
  private listen(w: RaceWorkerLike, run: number): void {
    w.onmessage = (e) => this.onRaceMessage(run, e.data);
    w.onerror = (e) => this.fail(run, e.message ?? 'the race worker stopped');
  }

  private dropWorker(): void {
    this.worker?.w.terminate();
    this.worker = undefined;
  }

  /** A fresh worker on the same backend, holding the finished race's networks (./restoreWorker.ts). */
  private async replaceWorker(): Promise<void> {
    const old = this.worker;
    if (!old) throw new WorkerFailure('no race worker to replace');
    old.w.terminate();
    const w = this.spawnWatched();
    this.worker = { ...old, w };
    this.listen(w, this.run);
    await restoreRace(w, old.name, this.lastStart?.data, this.finished);
  }

  /** A worker whose messages tell the silence watches it is alive, while it is the race's. */
  private spawnWatched(): RaceWorkerLike {
    return watchedWorker(this.spawn(), (w) => this.worker?.w === w && this.watches.heard());
  }

  /** Time one backend in a fresh worker (./probeWorker.ts); the fastest so far is kept as the race's. */
  private probe(name: BackendName, limitMs: number | undefined, data: Uint8Array): Promise<{ msPerStep: number }> {
    return probeInWorker(
      () => this.spawnWatched(),
      name,
      limitMs,
      data,
      (w, speed) => {
        if (this.worker && speed.msPerStep >= this.worker.speed.msPerStep) return false;
        this.worker?.w.terminate();
        this.worker = { name, speed, w };
        return true;
      },
    );
  }
}
