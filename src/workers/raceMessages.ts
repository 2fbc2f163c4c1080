/**
 * The messages between the page's race session (src/explain/race/session.ts) and a race
 * worker (src/workers/raceWorker.ts). Each worker is started for one backend: it is timed
 * with `probe`, and the fastest one trains every race of the visit.
 */
import type { LandscapeProgress, LandscapeResult } from '../explain/landscape/compute';
import type { ProbeSpeed } from '../explain/race/budgets';
import type { ProbeFailure } from '../explain/race/probePolicy';
import type { RaceLesionResult, TrainedNetwork, TrainedWeights } from '../explain/race/runtime';
import type { RaceConfig, StepRecord } from '../explain/race/setup';
import type { BackendName } from '../model/types';

/** Page → worker. `probe` carries the data file's bytes (a copy the worker owns). */
export type RaceRequest =
  | { readonly type: 'probe'; readonly backend: BackendName; readonly data: ArrayBuffer }
  /** `run` numbers the races of a worker; its reports carry it, so a stopped race's late reports are told apart. */
  | { readonly type: 'start'; readonly config: RaceConfig; readonly run: number }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'stop' }
  | { readonly type: 'weights' }
  /** The lesion study on the trained networks (src/explain/race/runtime.ts `lesion`). */
  | { readonly type: 'lesion' }
  /** The loss landscape of the finished race's networks (src/explain/landscape/); `job` numbers the requests. */
  | { readonly type: 'landscape'; readonly job: number; readonly size: number; readonly images: number }
  | { readonly type: 'landscape-cancel' }
  /**
   * A fresh worker takes over from one that stopped answering: it starts `backend` and rebuilds
   * the finished race's networks (as `done` carried them), then answers `restored`.
   */
  | {
      readonly type: 'restore';
      readonly backend: BackendName;
      readonly data: ArrayBuffer;
      readonly config: RaceConfig;
      readonly nets: readonly TrainedNetwork[];
    }
  /** Build for tests only (`?rfail`): the next lesion request and the next landscape request throw in the worker. */
  | { readonly type: 'test-fail-next' }
  /** Build for tests only (`?rsilent`): the worker closes itself, without a word, at its next start, lesion or landscape request. */
  | { readonly type: 'test-silent-next' };

/** Worker → page. */
export type RaceMessage =
  /** The probe began, or finished a step: the worker is alive (./probeWorker.ts watches for silence). */
  | { readonly type: 'probe-step' }
  | { readonly type: 'probed'; readonly backend: BackendName; readonly speed: ProbeSpeed }
  | { readonly type: 'step'; readonly run: number; readonly records: readonly StepRecord[] }
  /** The race finished; `trained` is every network's parameters and statistics, so a fresh worker can take over. */
  | { readonly type: 'done'; readonly run: number; readonly trained?: readonly TrainedNetwork[] }
  | { readonly type: 'stopped'; readonly run: number }
  | { readonly type: 'weights'; readonly nets: readonly TrainedWeights[] }
  | { readonly type: 'lesion'; readonly results: readonly RaceLesionResult[] }
  /** The lesion study's progress: batches of images through a network, one block removed (for the silence watch). */
  | { readonly type: 'lesion-progress'; readonly done: number; readonly total: number }
  /** The lesion study failed; the race stays done. `message` is for the console. */
  | { readonly type: 'lesion-error'; readonly message: string }
  | { readonly type: 'landscape-progress'; readonly job: number; readonly progress: LandscapeProgress }
  | { readonly type: 'landscape-done'; readonly job: number; readonly result: LandscapeResult | 'cancelled' }
  | { readonly type: 'landscape-error'; readonly job: number; readonly message: string }
  | { readonly type: 'restored' }
  | { readonly type: 'restore-error'; readonly message: string }
  /** `message` is for the console and the downloaded run; the page shows `failure` in its own words. */
  | { readonly type: 'error'; readonly failure: ProbeFailure; readonly message: string };
