/**
 * One backend timed in a worker of its own: a probe past its limit is stopped, and the last
 * resort (no limit) is watched for silence, so a worker the browser stopped without a word
 * cannot leave the race measuring for ever.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RaceMessage, RaceRequest } from '../../workers/raceMessages';
import { ProbeError } from './probePolicy';
import { probeInWorker } from './probeWorker';
import type { RaceWorkerLike } from './sessionState';
import { SILENCE_FLOOR_MS } from './watchdog';
import { FakeClock } from './watchdog.testing';

/** A probe worker that answers only when the test says. */
class Quiet implements RaceWorkerLike {
  onmessage: ((e: { data: RaceMessage }) => void) | null = null;
  onerror: ((e: { message?: string }) => void) | null = null;
  readonly sent: RaceRequest[] = [];
  terminated = false;
  postMessage(m: RaceRequest): void {
    this.sent.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(m: RaceMessage): void {
    this.onmessage?.({ data: m });
  }
}

const SPEED = { msPerStep: 50, fixedMs: 10, perImageMs: 2.5 };

function probe(limitMs: number | undefined) {
  const w = new Quiet();
  const clock = new FakeClock();
  const kept: RaceWorkerLike[] = [];
  const outcome = probeInWorker(
    () => w,
    'cpu',
    limitMs,
    new Uint8Array(4),
    (x) => kept.push(x) > 0,
    clock,
  ).then(
    (r) => r,
    (e: unknown) => e,
  );
  return { w, clock, kept, outcome };
}

afterEach(() => vi.useRealTimers());

describe('a probe in a worker of its own', () => {
  it('with no limit, fails once the worker has been silent past the watch’s limit, and stops it', async () => {
    const { w, clock, outcome } = probe(undefined);
    expect(w.sent[0]).toMatchObject({ type: 'probe', backend: 'cpu' });
    clock.advance(SILENCE_FLOOR_MS - 1);
    expect(w.terminated).toBe(false);
    clock.advance(2);
    const e = await outcome;
    expect(e).toBeInstanceOf(ProbeError);
    expect(e).toMatchObject({ failure: 'failed' });
    expect(w.terminated).toBe(true);
    expect(clock.pending).toBe(0);
  });

  it('with no limit, waits as long as the worker reports its steps, however slow the backend', async () => {
    const { w, clock, kept, outcome } = probe(undefined);
    for (let i = 0; i < 20; i++) {
      clock.advance(30_000); // 10 minutes in all, a step every 30 s
      w.emit({ type: 'probe-step' });
    }
    w.emit({ type: 'probed', backend: 'cpu', speed: SPEED });
    expect(await outcome).toEqual({ msPerStep: 50 });
    expect(kept).toEqual([w]);
    expect(w.terminated).toBe(false);
    expect(clock.pending).toBe(0); // the watch ends with the probe
  });

  it('with a limit, is stopped at the limit, silent or not', async () => {
    vi.useFakeTimers();
    const { w, outcome } = probe(10_000);
    w.emit({ type: 'probe-step' });
    vi.advanceTimersByTime(10_001);
    expect(await outcome).toMatchObject({ failure: 'timeout' });
    expect(w.terminated).toBe(true);
  });
});
