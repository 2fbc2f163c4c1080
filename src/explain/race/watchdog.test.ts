/**
 * The watch over a worker's reports, on a fake clock: it says a worker stopped answering only
 * after a silence far longer than the gaps expected and seen, never while a slow machine keeps
 * reporting, never while the job is paused; "Keep waiting" doubles its patience.
 */
import { describe, expect, it } from 'vitest';
import { SILENCE_FACTOR, SILENCE_FLOOR_MS, SilenceWatch, silenceLimitMs } from './watchdog';
import { FakeClock } from './watchdog.testing';

function watch(expectedGapMs: number) {
  const clock = new FakeClock();
  const said: string[] = [];
  const w = new SilenceWatch({
    expectedGapMs,
    clock,
    onSilent: () => said.push('silent'),
    onHeard: () => said.push('heard'),
  });
  return { clock, said, w };
}

describe('watching a worker that may have stopped answering', () => {
  it('the limit is a minute plus ten times the longest gap, expected or seen', () => {
    expect(silenceLimitMs(500, 0)).toBe(SILENCE_FLOOR_MS + SILENCE_FACTOR * 500);
    expect(silenceLimitMs(500, 20_000)).toBe(60_000 + 200_000);
  });

  it('a worker that goes silent is noticed once, after the limit and not before', () => {
    const { clock, said, w } = watch(1_000);
    const limit = SILENCE_FLOOR_MS + SILENCE_FACTOR * 1_000;
    clock.advance(limit - 1);
    expect(said).toEqual([]);
    expect(w.silent).toBe(false);
    clock.advance(1);
    expect(said).toEqual(['silent']);
    expect(w.silent).toBe(true);
    clock.advance(10 * limit);
    expect(said).toEqual(['silent']);
  });

  it('a slow machine that keeps reporting is never called silent; its slow gaps raise the limit', () => {
    const { clock, said, w } = watch(1_000);
    // every report takes 30 times the estimate: slow, but alive
    for (let i = 0; i < 50; i++) {
      clock.advance(30_000);
      w.heard();
    }
    expect(said).toEqual([]);
    expect(w.limitMs()).toBe(SILENCE_FLOOR_MS + SILENCE_FACTOR * 30_000);
    clock.advance(w.limitMs() - 1);
    expect(said).toEqual([]);
    clock.advance(1);
    expect(said).toEqual(['silent']);
  });

  it('a paused job is never silent; the silence counts again from the resume', () => {
    const { clock, said, w } = watch(1_000);
    clock.advance(30_000);
    w.pause();
    clock.advance(3_600_000);
    expect(said).toEqual([]);
    expect(clock.pending).toBe(0);
    w.resume();
    // the pause is not a gap between reports
    expect(w.limitMs()).toBe(SILENCE_FLOOR_MS + SILENCE_FACTOR * 1_000);
    clock.advance(w.limitMs());
    expect(said).toEqual(['silent']);
  });

  it('keep waiting: the silence counts from now and may last twice as long; a late report clears it', () => {
    const { clock, said, w } = watch(1_000);
    const limit = w.limitMs();
    clock.advance(limit);
    w.keepWaiting();
    expect(w.silent).toBe(false);
    clock.advance(2 * limit - 1);
    expect(said).toEqual(['silent']);
    clock.advance(1);
    expect(said).toEqual(['silent', 'silent']);
    // the worker was only very slow after all
    w.heard();
    expect(said).toEqual(['silent', 'silent', 'heard']);
    expect(w.silent).toBe(false);
  });

  it('a limit in fractional milliseconds is reached, not chased forever', () => {
    const { clock, said, w } = watch(1_000.1 / 3);
    w.keepWaiting();
    clock.advance(10 * w.limitMs());
    expect(said).toEqual(['silent']);
  });

  it('stopped, it says nothing and leaves no timer', () => {
    const { clock, said, w } = watch(1_000);
    w.stop();
    expect(clock.pending).toBe(0);
    clock.advance(10 * SILENCE_FLOOR_MS);
    w.heard();
    expect(said).toEqual([]);
  });
});
