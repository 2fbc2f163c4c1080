/** The messages between the page and the experiment worker (src/workers/experimentWorker.ts). */
import type { ExperimentConfig, ExperimentResult, Progress } from '../explain/functionClasses/experimentSetup';
import type { BackendChoice } from '../model/backend';
import type { MeasuredChoice } from '../model/backendPolicy';

/** Page → worker: run the experiment once on the page's measured choice (unknown yet: WebAssembly). */
export interface RunRequest {
  readonly type: 'run';
  readonly choice?: MeasuredChoice;
  readonly config: ExperimentConfig;
}

/** Worker → page. */
export type ExperimentMessage =
  | { readonly type: 'backend'; readonly choice: BackendChoice; readonly software: boolean }
  | { readonly type: 'progress'; readonly progress: Progress }
  | { readonly type: 'done'; readonly result: ExperimentResult }
  | { readonly type: 'error'; readonly message: string };
