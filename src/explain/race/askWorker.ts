/**
 * One request to the finished race's worker (the lesion study, the trained weights), answered
 * by one reply: the promise settles on that reply, rejects with a `WorkerFailure` when the
 * worker answers with its error or fails (throws, dies) before answering, and hands the
 * worker's handlers back either way, so the race's own messages keep reaching the race session.
 */
import type { RaceMessage, RaceRequest } from '../../workers/raceMessages';

/** What a request needs of the race's worker (session.ts's `RaceWorkerLike` has it; said here, so neither file imports the other). */
export interface AskableWorker {
  postMessage(m: RaceRequest): void;
  onmessage: ((e: { data: RaceMessage }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

/** The worker failed the request. `message` is for the console; the page says it in its own words. */
export class WorkerFailure extends Error {
  override readonly name = 'WorkerFailure';
}

/** What a reply means to the request: its value, its failure, or not for it (`undefined`). */
export type ReplyReader<T> = (m: RaceMessage) => { readonly value: T } | { readonly error: string } | undefined;

export function askWorker<T>(w: AskableWorker, request: RaceRequest, read: ReplyReader<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const previousMessage = w.onmessage;
    const previousError = w.onerror;
    const restore = () => {
      if (w.onmessage === onMessage) w.onmessage = previousMessage;
      if (w.onerror === onError) w.onerror = previousError;
    };
    const onMessage = (e: { data: RaceMessage }) => {
      const r = read(e.data);
      if (!r) return previousMessage?.(e);
      restore();
      if ('error' in r) reject(new WorkerFailure(r.error));
      else resolve(r.value);
    };
    // the race is over, so a failure now is this request's, not the race's
    const onError = (e: { message?: string }) => {
      restore();
      reject(new WorkerFailure(e.message ?? 'the race worker stopped'));
    };
    w.onmessage = onMessage;
    w.onerror = onError;
    try {
      w.postMessage(request);
    } catch (e) {
      restore();
      reject(new WorkerFailure(e instanceof Error ? e.message : String(e)));
    }
  });
}
