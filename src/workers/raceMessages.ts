/** The messages between the race page and the race worker (src/workers/raceWorker.ts). */
import type { BackendMeasurement } from '../explain/race/measure';
import type { RaceChoice, RaceConfig, StepRecord } from '../explain/race/setup';
import type { BackendName } from '../model/types';

/** Page → worker. `start` carries the data file's bytes (a copy the worker owns). */
export type RaceRequest =
  | {
      readonly type: 'start';
      readonly backend: BackendName | 'auto';
      readonly choice: RaceChoice;
      readonly data: ArrayBuffer;
    }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' };

/** Worker → page. */
export type RaceMessage =
  | { readonly type: 'measuring' }
  | { readonly type: 'backend'; readonly name: BackendName; readonly measurements: readonly BackendMeasurement[] }
  | { readonly type: 'config'; readonly config: RaceConfig }
  | { readonly type: 'step'; readonly records: readonly StepRecord[] }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string };
