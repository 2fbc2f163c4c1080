/**
 * A stand-in race worker for the session's tests (./session.test.ts, ./workerSilence.test.ts):
 * it records what it is sent and answers probes and restores at once, as its options say.
 */
import type { BackendName } from '../../model/types';
import type { RaceMessage, RaceRequest } from '../../workers/raceMessages';
import type { RaceWorkerLike } from './session';

export interface StandInOptions {
  /** Milliseconds per probe step per backend; a backend left out cannot train. Default: 40 ms everywhere. */
  readonly speeds?: Partial<Record<BackendName, number>>;
  /** How a restore (the trained networks sent to a fresh worker) answers. Default: it works. */
  readonly restore?: 'ok' | 'fails';
}

export class StandInRaceWorker implements RaceWorkerLike {
  onmessage: ((e: { data: RaceMessage }) => void) | null = null;
  onerror: ((e: { message?: string }) => void) | null = null;
  readonly sent: RaceRequest[] = [];
  terminated = false;
  constructor(private readonly options: StandInOptions = {}) {}
  postMessage(m: RaceRequest): void {
    this.sent.push(m);
    if (m.type === 'probe') queueMicrotask(() => this.emit(this.probed(m.backend)));
    if (m.type === 'restore')
      queueMicrotask(() =>
        this.emit(
          this.options.restore === 'fails' ? { type: 'restore-error', message: 'no adapter' } : { type: 'restored' },
        ),
      );
  }
  private probed(backend: BackendName): RaceMessage {
    const ms = this.options.speeds ? this.options.speeds[backend] : 40;
    return ms === undefined
      ? { type: 'error', failure: 'cannotTrain', message: "Kernel 'Conv2DBackpropFilter' not registered" }
      : { type: 'probed', backend, speed: { msPerStep: ms, fixedMs: 0, perImageMs: ms / 16 } };
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(m: RaceMessage): void {
    this.onmessage?.({ data: m });
  }
  /** The run number of the last race started in this worker; -1 before one. */
  get run(): number {
    const start = this.sent.findLast((m) => m.type === 'start');
    return start?.type === 'start' ? start.run : -1;
  }
}
