/** The race session's state and what it needs of a worker (./session.ts), for the page and the tests. */
import type { BackendName } from '../../model/types';
import type { RaceMessage, RaceRequest } from '../../workers/raceMessages';
import type { ProbeSpeed, RaceBudgetId } from './budgets';
import type { RaceCurves } from './curves';
import type { BackendMeasurement, ProbeFailure } from './probePolicy';
import type { RaceChoice, RaceConfig } from './setup';
import type { WorkerJob } from './workerWatch';

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
  /** Jobs waiting on a worker that has been silent far longer than their reports take. */
  readonly silent?: readonly WorkerJob[];
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
