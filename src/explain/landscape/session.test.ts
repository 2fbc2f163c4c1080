import { describe, expect, it } from 'vitest';
import type { RaceMessage, RaceRequest } from '../../workers/raceMessages';
import { RACE_BUDGETS, stepMs } from '../race/budgets';
import type { RaceWorkerLike } from '../race/session';
import { raceEntries } from '../race/setup';
import type { LandscapeResult } from './compute';
import { estimateLandscapeSeconds, LandscapeSession } from './session';

/** A stand-in race worker that records requests; the test answers for it. */
function fakeRace(finishedAt = '2026-01-01T00:00:00Z') {
  const sent: RaceRequest[] = [];
  const raceMessages: RaceMessage[] = [];
  const w: RaceWorkerLike = {
    postMessage: (m) => sent.push(m),
    terminate: () => undefined,
    onmessage: (e) => raceMessages.push(e.data),
    onerror: null,
  };
  const state = { phase: 'done' as const, finishedAt, curves: {}, runningSeconds: 0 };
  return { sent, raceMessages, w, race: { finishedWorker: () => w, getState: () => state } };
}

const RESULT: LandscapeResult = { size: 3, images: 8, runs: [], msPerPoint: [] };

describe('the page’s landscape session', () => {
  it('asks the race worker once, follows progress, keeps the result and passes race messages on', () => {
    const f = fakeRace();
    const s = new LandscapeSession(f.race);
    s.start(3, 8);
    expect(f.sent).toEqual([{ type: 'landscape', job: 1, size: 3, images: 8 }]);
    f.w.onmessage!({ data: { type: 'landscape-progress', job: 1, progress: { done: 2, total: 18, secondsLeft: 4 } } });
    expect(s.getState()).toMatchObject({ phase: 'computing', progress: { done: 2 } });
    // the race's own messages still reach the race session
    f.w.onmessage!({ data: { type: 'done', run: 1 } });
    expect(f.raceMessages).toEqual([{ type: 'done', run: 1 }]);
    f.w.onmessage!({ data: { type: 'landscape-done', job: 1, result: RESULT } });
    expect(s.getState()).toMatchObject({ phase: 'done', size: 3, result: RESULT });
    // the listener is gone; asking again for the same race and grid computes nothing
    s.start(3, 8);
    expect(f.sent).toHaveLength(1);
    s.start(7, 8);
    expect(f.sent).toHaveLength(2);
  });

  it('cancels: the worker is told, the state is idle, a late result is dropped', () => {
    const f = fakeRace();
    const s = new LandscapeSession(f.race);
    s.start(3, 8);
    s.cancel();
    expect(f.sent.at(-1)).toEqual({ type: 'landscape-cancel' });
    expect(s.getState()).toEqual({ phase: 'idle' });
    f.w.onmessage!({ data: { type: 'landscape-done', job: 1, result: 'cancelled' } });
    expect(s.getState()).toEqual({ phase: 'idle' });
    f.w.onmessage!({ data: { type: 'step', run: 1, records: [] } });
    expect(f.raceMessages).toHaveLength(1);
  });

  it('reports a failure as a state, not an exception', () => {
    const f = fakeRace();
    const s = new LandscapeSession(f.race);
    s.start(3, 8);
    f.w.onmessage!({ data: { type: 'landscape-error', job: 1, message: 'no trained networks' } });
    expect(s.getState()).toMatchObject({ phase: 'error', error: 'no trained networks' });
  });

  it('a worker that throws or dies mid-computation ends in the error state, and a retry asks again', () => {
    const f = fakeRace();
    const raceError: string[] = [];
    f.w.onerror = (e) => raceError.push(e.message ?? '');
    const s = new LandscapeSession(f.race);
    s.start(3, 8);
    f.w.onmessage!({ data: { type: 'landscape-progress', job: 1, progress: { done: 2, total: 18, secondsLeft: 4 } } });
    f.w.onerror!({ message: 'Uncaught Error: out of memory' });
    expect(s.getState()).toMatchObject({ phase: 'error', size: 3 });
    // the failure was the landscape's: the race's own handler did not hear it, and has its place back
    expect(raceError).toEqual([]);
    f.w.onerror!({ message: 'later' });
    expect(raceError).toEqual(['later']);
    s.start(3, 8);
    expect(f.sent.filter((m) => m.type === 'landscape')).toHaveLength(2);
    expect(s.getState()).toMatchObject({ phase: 'computing' });
  });

  it('estimates the time from each network’s timed validation in the race, one forward pass of the images per point', () => {
    const speed = { msPerStep: 10, fixedMs: 2, perImageMs: 0.5 };
    const cfg = RACE_BUDGETS.quick;
    const ids = raceEntries(cfg).map((e) => e.id);
    const perImage = [0.2, 0.3, 0.5, 0.7];
    const curves = Object.fromEntries(
      ids.map((id, i) => [
        id,
        {
          id,
          loss: [],
          grads: [],
          val: [
            { step: 50, seconds: 1, accuracy: 0.5, msPerImage: 9 },
            { step: 100, seconds: 2, accuracy: 0.6, msPerImage: perImage[i]! },
          ],
        },
      ]),
    );
    // the last validation of each network counts, not the probe's speed
    expect(estimateLandscapeSeconds(speed, cfg, 21, 256, curves)).toBeCloseTo((1.7 * 256 * 441) / 1000, 6);
  });

  it('estimates the time from the race’s measured speed where no validation was timed: a third of a step per point and network', () => {
    const speed = { msPerStep: 10, fixedMs: 2, perImageMs: 0.5 };
    const cfg = RACE_BUDGETS.quick;
    const perPoint = ['plain', 'residual'].flatMap((family) =>
      cfg.ns.map((n) => stepMs(speed, { family: family as 'plain', n, width: cfg.width }, 256) / 3),
    );
    expect(estimateLandscapeSeconds(speed, cfg, 21, 256)).toBeCloseTo(
      (perPoint.reduce((a, b) => a + b) * 441) / 1000,
      6,
    );
  });
});
