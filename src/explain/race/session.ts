/**
 * The race of one visit: created once by the page frame, so leaving the chapter and coming
 * back finds the curves, the verdict, where it stood and the trained networks (kept in the
 * worker) as they were. It times the backends in workers of their own (./probePolicy.ts),
 * keeps the fastest, chooses the budget from its speed (./budgets.ts) and races there.
 * A store for React's useSyncExternalStore; workers come from `spawn`, so tests use stand-ins.
 */
import type { BackendName } from '../../model/types';
import type { RaceMessage, RaceRequest } from '../../workers/raceMessages';
import { chooseBudget, estimateRaceSeconds, RACE_BUDGETS, type ProbeSpeed, type RaceBudgetId } from './budgets';
import { askWorker } from './askWorker';
import { addSteps, type RaceCurves } from './curves';
import { chooseByProbing, ProbeError, type BackendMeasurement, type ProbeFailure } from './probePolicy';
import type { RaceLesionResult, TrainedWeights } from './runtime';
import { withChoice, type RaceChoice, type RaceConfig } from './setup';

/** What the session needs of a Web Worker. */
export interface RaceWorkerLike {
  postMessage(m: RaceRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: { data: RaceMessage }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

export type RacePhase = 'idle' | 'measuring' | 'running' | 'paused' | 'done' | 'error';

export interface RaceSessionState {
  readonly phase: RacePhase;
  readonly backend?: BackendName;
  readonly measurements?: readonly BackendMeasurement[];
  /** The chosen backend's speed on the probe network, which the budgets' estimates scale. */
  readonly speed?: ProbeSpeed;
  /** The budget the race runs, and whether the page chose it by the measured speed. */
  readonly budget?: RaceBudgetId;
  readonly budgetByPage?: boolean;
  readonly config?: RaceConfig;
  /** Seconds the race was expected to take here, said before it began. */
  readonly estimateSeconds?: number;
  readonly curves: RaceCurves;
  /** Seconds spent measuring the backends, and training (pauses not counted). */
  readonly measuringSeconds?: number;
  readonly runningSeconds: number;
  /** Wall-clock times, ISO 8601. */
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly error?: { readonly failure: ProbeFailure; readonly message: string };
}

export interface RaceStart {
  readonly data: Uint8Array;
  /** Backends this page can load, and which of them run on a software adapter. */
  readonly available: readonly BackendName[];
  readonly software: Partial<Record<BackendName, boolean>>;
  readonly requested?: BackendName;
  readonly budget: RaceBudgetId | 'auto';
  readonly choice: RaceChoice;
}

const IDLE: RaceSessionState = { phase: 'idle', curves: {}, runningSeconds: 0 };

export class RaceSession {
  private state: RaceSessionState = IDLE;
  private readonly listeners = new Set<() => void>();
  private worker: { name: BackendName; speed: ProbeSpeed; w: RaceWorkerLike } | undefined;
  /** The `requested` backend the kept worker was measured for. */
  private measuredFor: BackendName | undefined;
  private run = 0;
  private runningSince: number | undefined;

  constructor(
    private readonly spawn: () => RaceWorkerLike,
    private readonly now: () => number = () => performance.now(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  readonly getState = (): RaceSessionState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<RaceSessionState> | ((s: RaceSessionState) => RaceSessionState)): void {
    this.state = typeof patch === 'function' ? patch(this.state) : { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  /** Measure (once a visit, again when another backend is asked for), choose the budget, race. */
  async start(s: RaceStart): Promise<void> {
    const run = ++this.run;
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
        this.measuredFor = s.requested;
        this.set({ backend: chosen, measurements, measuringSeconds: (this.now() - t0) / 1000 });
      } catch (e) {
        if (run !== this.run) return;
        const failure = e instanceof ProbeError ? e.failure : 'failed';
        this.set({ phase: 'error', error: { failure, message: e instanceof Error ? e.message : String(e) } });
        return;
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
      budgetByPage: s.budget === 'auto',
      config,
      estimateSeconds: estimateRaceSeconds(config, speed),
      startedAt: st.startedAt ?? startedAt,
    }));
    this.runningSince = this.now();
    w.onmessage = (e) => this.onRaceMessage(run, e.data);
    w.onerror = (e) => this.fail(run, e.message ?? 'the race worker stopped');
    w.postMessage({ type: 'start', config, run });
  }

  pause(): void {
    if (this.state.phase !== 'running') return;
    this.worker?.w.postMessage({ type: 'pause' });
    this.set({ phase: 'paused', runningSeconds: this.running() });
    this.runningSince = undefined;
  }

  resume(): void {
    if (this.state.phase !== 'paused') return;
    this.worker?.w.postMessage({ type: 'resume' });
    this.runningSince = this.now();
    this.set({ phase: 'running' });
  }

  /** Back to the start: the race stops and its networks are freed; the measured backend stays. */
  reset(): void {
    this.run++;
    this.worker?.w.postMessage({ type: 'stop' });
    this.runningSince = undefined;
    this.set(IDLE);
  }

  /** The finished race's trained weights, from the worker (empty when none finished). */
  weights(): Promise<readonly TrainedWeights[]> {
    const w = this.worker?.w;
    if (!w || this.state.phase !== 'done') return Promise.resolve([]);
    return askWorker<readonly TrainedWeights[]>(w, { type: 'weights' }, (m) =>
      m.type === 'weights' ? { value: m.nets } : undefined,
    );
  }

  /**
   * The finished race's networks with one block removed at a time (runtime.ts `lesion`); empty
   * when none finished. Rejects with a `WorkerFailure` when the worker fails it; the race stays done.
   */
  lesion(): Promise<readonly RaceLesionResult[]> {
    const w = this.worker?.w;
    if (!w || this.state.phase !== 'done') return Promise.resolve([]);
    return askWorker<readonly RaceLesionResult[]>(w, { type: 'lesion' }, (m) =>
      m.type === 'lesion' ? { value: m.results } : m.type === 'lesion-error' ? { error: m.message } : undefined,
    );
  }

  /** The worker holding the finished race's networks, for experiments on them (none before a race finished). */
  finishedWorker(): RaceWorkerLike | undefined {
    return this.state.phase === 'done' ? this.worker?.w : undefined;
  }

  /** The end of the visit: the worker goes. */
  dispose(): void {
    this.run++;
    this.worker?.w.terminate();
    this.worker = undefined;
    this.listeners.clear();
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
    this.runningSince = undefined;
    this.set({ phase: 'error', error: { failure, message } });
  }

  /** Time one backend in a fresh worker; it is terminated at the limit, and kept only while fastest. */
  private probe(name: BackendName, limitMs: number | undefined, data: Uint8Array): Promise<{ msPerStep: number }> {
    return new Promise((resolve, reject) => {
      const w = this.spawn();
      const end = (err: ProbeError) => {
        clearTimeout(timer);
        w.terminate();
        reject(err);
      };
      const timer =
        limitMs === undefined
          ? undefined
          : setTimeout(() => end(new ProbeError('timeout', `the probe took over ${limitMs / 1000} s`)), limitMs);
      w.onmessage = ({ data: m }) => {
        if (m.type === 'error') end(new ProbeError(m.failure, m.message));
        if (m.type !== 'probed') return;
        clearTimeout(timer);
        if (!this.worker || m.speed.msPerStep < this.worker.speed.msPerStep) {
          this.worker?.w.terminate();
          this.worker = { name, speed: m.speed, w };
        } else w.terminate();
        resolve({ msPerStep: m.speed.msPerStep });
      };
      w.onerror = (e) => end(new ProbeError('failed', e.message ?? 'the race worker could not start'));
      const copy = data.slice().buffer;
      w.postMessage({ type: 'probe', backend: name, data: copy }, [copy]);
    });
  }
}
