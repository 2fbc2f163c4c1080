/** The messages between the race page's "Checked against PyTorch" and src/workers/gradCheckWorker.ts. */
import type { BackendName } from '../model/types';

export type { GradCheckEvent as GradCheckMessage, GradCheckFailure } from '../explain/race/gradCheckView';

/**
 * Page → worker. `backend` is forced (that backend or an error, never another); `auto` takes
 * the usual order. `base` is the page's address, which the fixtures and data are relative to.
 */
export interface GradCheckRequest {
  readonly type: 'start';
  readonly backend: BackendName | 'auto';
  readonly ns: readonly number[];
  readonly width: number;
  readonly base: string;
}
