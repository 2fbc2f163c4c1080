/**
 * A request to the finished race's worker that fails — the worker answers with its error, or
 * throws or dies before answering — rejects with a `WorkerFailure` the page can word, instead
 * of leaving the page waiting; the race stays done and its messages keep reaching the session.
 */
import { describe, expect, it } from 'vitest';
import type { RaceMessage, RaceRequest } from '../../workers/raceMessages';
import { WorkerFailure } from './askWorker';
import { RaceSession, type RaceWorkerLike } from './session';

class StandIn implements RaceWorkerLike {
  onmessage: ((e: { data: RaceMessage }) => void) | null = null;
  onerror: ((e: { message?: string }) => void) | null = null;
  readonly sent: RaceRequest[] = [];
  postMessage(m: RaceRequest): void {
    this.sent.push(m);
    if (m.type === 'probe')
      queueMicrotask(() =>
        this.emit({ type: 'probed', backend: m.backend, speed: { msPerStep: 10, fixedMs: 0, perImageMs: 1 } }),
      );
  }
  terminate(): void {}
  emit(m: RaceMessage): void {
    this.onmessage?.({ data: m });
  }
}

/** A session whose race has finished on the stand-in worker. */
async function finishedRace() {
  const w = new StandIn();
  const s = new RaceSession(() => w);
  await s.start({ data: new Uint8Array(8), available: ['cpu'], software: {}, budget: 'quick', choice: {} });
  const start = w.sent.find((m) => m.type === 'start');
  w.emit({ type: 'done', run: start?.type === 'start' ? start.run : -1 });
  expect(s.getState().phase).toBe('done');
  return { s, w };
}

describe('asking the finished race’s worker', () => {
  it('the lesion study’s error reply rejects with a WorkerFailure; the race stays done', async () => {
    const { s, w } = await finishedRace();
    const asked = s.lesion();
    expect(w.sent.at(-1)).toEqual({ type: 'lesion' });
    w.emit({ type: 'lesion-error', message: 'WebGL context lost' });
    await expect(asked).rejects.toBeInstanceOf(WorkerFailure);
    await expect(asked).rejects.toThrow('WebGL context lost');
    expect(s.getState().phase).toBe('done');
    // the handlers are the race session's again: a retry is answered as usual
    const again = s.lesion();
    w.emit({ type: 'lesion', results: [] });
    await expect(again).resolves.toEqual([]);
  });

  it('a worker that throws or dies before answering rejects the request, not the race', async () => {
    const { s, w } = await finishedRace();
    const asked = s.lesion();
    w.onerror!({ message: 'Uncaught RangeError: Array buffer allocation failed' });
    await expect(asked).rejects.toBeInstanceOf(WorkerFailure);
    expect(s.getState()).toMatchObject({ phase: 'done' });
    expect(s.getState().error).toBeUndefined();
    // after the request, a failing worker is the race session's to report again
    w.onerror!({});
    expect(s.getState().phase).toBe('error');
  });

  it('replies for others pass on to the race session while the request waits', async () => {
    const { s, w } = await finishedRace();
    const asked = s.lesion();
    w.emit({ type: 'error', failure: 'failed', message: 'late' });
    expect(s.getState().phase).toBe('error');
    w.emit({ type: 'lesion', results: [{ id: 'plain-3', images: 10, rows: [] }] });
    await expect(asked).resolves.toHaveLength(1);
  });
});
