/** The messages between the page and the experiment worker (src/workers/experimentWorker.ts). */
import type { ExperimentConfig, ExperimentResult, Progress } from '../explain/functionClasses/experimentSetup';
import type { BackendChoice } from '../model/backend';
import type { BackendName } from '../model/types';

/** Page → worker: run the experiment once on the requested backend (`auto`: the best one available). */
export interface RunRequest {
  readonly type: 'run';
  readonly backend: BackendName | 'auto';
  readonly config: ExperimentConfig;
}

/** Worker → page. */
export type ExperimentMessage =
  | { readonly type: 'backend'; readonly choice: BackendChoice }
  | { readonly type: 'progress'; readonly progress: Progress }
  | { readonly type: 'done'; readonly result: ExperimentResult }
  | { readonly type: 'error'; readonly message: string };
