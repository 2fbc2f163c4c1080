/**
 * A race worker that the browser stops without a word (no error event, no reply) is noticed by
 * the silence of its reports, on a fake clock: the race, the lesion study and the landscape each
 * say so; "Keep waiting" waits longer; "Try again" goes on in a fresh worker (after a race, with
 * the finished race's networks, which its `done` carried), and the first worker's late words are
 * not taken for the fresh one's.
 */
import { describe, expect, it } from 'vitest';
import type { BackendName } from '../../model/types';
import { LandscapeSession } from '../landscape/session';
import { WorkerFailure } from './askWorker';
import type { TrainedNetwork } from './runtime';
import { StandInRaceWorker } from './raceWorker.testing';
import { RaceSession } from './session';
import { FakeClock } from './watchdog.testing';

const TRAINED: TrainedNetwork[] = [
  { id: 'plain-3', spec: { family: 'plain', n: 3, width: 4 }, tensors: [] },
  { id: 'residual-3', spec: { family: 'residual', n: 3, width: 4 }, tensors: [] },
];

const START = {
  data: new Uint8Array([1, 2, 3]),
  available: ['wasm'] as BackendName[],
  software: {},
  budget: 'quick' as const,
  choice: { ns: [1, 3] },
};

/** A racing session on a fake clock, the stand-ins it spawned, and a tick that lets replies in. */
async function racing(restore: 'ok' | 'fails' = 'ok') {
  const clock = new FakeClock();
  const workers: StandInRaceWorker[] = [];
  const s = new RaceSession(
    () => {
      const w = new StandInRaceWorker({ restore });
      workers.push(w);
      return w;
    },
    () => clock.now(),
    () => new Date(Date.UTC(2026, 0, 1)),
    { clock },
  );
  await s.start(START);
  expect(s.getState()).toMatchObject({ phase: 'running', backend: 'wasm' });
  return { s, workers, clock, w: workers[0]! };
}

async function finished(restore: 'ok' | 'fails' = 'ok') {
  const r = await racing(restore);
  r.w.emit({ type: 'done', run: r.w.run, trained: TRAINED });
  expect(r.s.getState().phase).toBe('done');
  return r;
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const HOUR = 3_600_000;

describe('a race worker that stops answering without a word', () => {
  it('a race that stops reporting is said to be silent after its limit, and not while it reports or is paused', async () => {
    const { s, w, clock } = await racing();
    // a slow step, but a step
    clock.advance(50_000);
    w.emit({ type: 'step', run: w.run, records: [{ id: 'plain-1', step: 1, loss: 2, seconds: 50 }] });
    s.pause();
    clock.advance(HOUR);
    expect(s.getState().silent ?? []).toEqual([]);
    s.resume();
    clock.advance(HOUR);
    expect(s.getState().silent).toEqual(['race']);
    expect(s.getState().phase).toBe('running');
  });

  it('keep waiting: asked again after twice as long; a late step clears it', async () => {
    const { s, w, clock } = await racing();
    clock.advance(HOUR);
    expect(s.getState().silent).toEqual(['race']);
    s.keepWaiting();
    expect(s.getState().silent).toEqual([]);
    clock.advance(HOUR);
    expect(s.getState().silent).toEqual(['race']);
    w.emit({ type: 'step', run: w.run, records: [{ id: 'plain-1', step: 1, loss: 2, seconds: 1 }] });
    expect(s.getState().silent).toEqual([]);
  });

  it('try again during a race: the silent worker goes, a fresh one on the same backend races the same budget', async () => {
    const { s, w, workers, clock } = await racing();
    const config = s.getState().config;
    clock.advance(HOUR);
    await s.tryAgain();
    expect(w.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const fresh = workers[1]!;
    expect(fresh.sent[0]).toMatchObject({ type: 'probe', backend: 'wasm' });
    expect(fresh.sent.at(-1)).toMatchObject({ type: 'start', config });
    expect(s.getState()).toMatchObject({ phase: 'running', budget: 'quick', curves: {} });
    expect(s.getState().silent ?? []).toEqual([]);
    // the old worker's words, were it only slow, are not the new race's
    w.emit({ type: 'step', run: w.run, records: [{ id: 'plain-1', step: 1, loss: 2, seconds: 1 }] });
    expect(s.getState().curves).toEqual({});
  });

  it('try again after a race: the networks move to a fresh worker, the lesion study is asked there and answers', async () => {
    const { s, w, workers, clock } = await finished();
    const finishedAt = s.getState().finishedAt;
    const asked = s.lesion();
    expect(w.sent.at(-1)).toEqual({ type: 'lesion' });
    w.emit({ type: 'lesion-progress', done: 1, total: 14 });
    clock.advance(HOUR);
    expect(s.getState().silent).toEqual(['lesion']);
    await s.tryAgain();
    const fresh = workers[1]!;
    expect(w.terminated).toBe(true);
    expect(fresh.sent.map((m) => m.type)).toEqual(['restore', 'lesion']);
    expect(fresh.sent[0]).toMatchObject({ backend: 'wasm', nets: TRAINED, config: s.getState().config });
    expect(new Uint8Array((fresh.sent[0] as { data: ArrayBuffer }).data)).toEqual(START.data);
    // the finished race is kept
    expect(s.getState()).toMatchObject({ phase: 'done', finishedAt, silent: [] });
    expect(s.finishedWorker()).not.toBe(w);
    w.emit({ type: 'lesion', results: [] }); // the old worker, had it only been slow
    fresh.emit({ type: 'lesion', results: [{ id: 'residual-3', images: 200, rows: [] }] });
    await expect(asked).resolves.toHaveLength(1);
    // the watch ended with the answer
    clock.advance(HOUR);
    expect(s.getState().silent).toEqual([]);
  });

  it('when no fresh worker can take over, the waiting request fails as the page words it', async () => {
    const { s, clock } = await finished('fails');
    const asked = s.lesion();
    clock.advance(HOUR);
    await s.tryAgain();
    await expect(asked).rejects.toBeInstanceOf(WorkerFailure);
    expect(s.getState()).toMatchObject({ phase: 'done', silent: [] });
  });

  it('the landscape: silent, tried again in a fresh worker, where its progress and result arrive', async () => {
    const { s, w, workers, clock } = await finished();
    const l = new LandscapeSession(s);
    l.start(3, 8);
    expect(w.sent.at(-1)).toEqual({ type: 'landscape', job: 1, size: 3, images: 8 });
    clock.advance(HOUR);
    expect(s.getState().silent).toEqual(['landscape']);
    await s.tryAgain();
    await settle();
    const fresh = workers[1]!;
    expect(fresh.sent.map((m) => m.type)).toEqual(['restore', 'landscape']);
    fresh.emit({ type: 'landscape-progress', job: 1, progress: { done: 1, total: 18, secondsLeft: 3 } });
    expect(l.getState()).toMatchObject({ phase: 'computing', progress: { done: 1 } });
    fresh.emit({ type: 'landscape-done', job: 1, result: { size: 3, images: 8, runs: [], msPerPoint: [] } });
    expect(l.getState().phase).toBe('done');
    clock.advance(HOUR);
    expect(s.getState().silent).toEqual([]);
  });

  it('a cancelled landscape is not watched; a new race ends every watch', async () => {
    const { s, clock } = await finished();
    const l = new LandscapeSession(s);
    l.start(3, 8);
    l.cancel();
    clock.advance(HOUR);
    expect(s.getState().silent ?? []).toEqual([]);
    void s.lesion();
    await s.start(START);
    // the race waits on purpose; a lesion watch left over would call it silent
    s.pause();
    clock.advance(HOUR);
    expect(s.getState().silent ?? []).toEqual([]);
  });
});
