/**
 * "Try again" after a race: a fresh race worker on the same backend takes over the finished
 * race's networks (as the `done` message carried them) and the data they were trained on.
 */
import type { BackendName } from '../../model/types';
import { askWorker, WorkerFailure } from './askWorker';
import type { TrainedNetwork } from './runtime';
import type { RaceConfig } from './setup';
import type { RaceWorkerLike } from './sessionState';

export interface FinishedRace {
  readonly config: RaceConfig;
  readonly nets: readonly TrainedNetwork[];
}

/** Sends the finished race to `w` and resolves once it holds the networks again. */
export function restoreRace(
  w: RaceWorkerLike,
  backend: BackendName,
  data: Uint8Array | undefined,
  finished: FinishedRace | undefined,
): Promise<void> {
  if (!data || !finished) return Promise.reject(new WorkerFailure('no finished race to hand to a fresh worker'));
  const message = {
    type: 'restore' as const,
    backend,
    data: data.slice().buffer,
    config: finished.config,
    nets: finished.nets,
  };
  return askWorker<void>(w, message, (m) =>
    m.type === 'restored' ? { value: undefined } : m.type === 'restore-error' ? { error: m.message } : undefined,
  );
}
