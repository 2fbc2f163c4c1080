/**
 * The probe's timing is robust to a busy machine: synthetic step times (a slow first step, steps
 * slowed by something else) give the speed of the undisturbed steps. Before, two timed steps
 * were averaged, and one slow one made the race's estimate 298 s against 127 s measured.
 */
import { describe, expect, it } from 'vitest';
import { PROBE_NET } from './budgets';
import {
  PROBE_TIMED,
  PROBE_WARM_UP,
  PROBE_WARM_UP_MS,
  sampleProbeSteps,
  SMALL_BATCH,
  speedFromSamples,
  typicalMs,
} from './measure';

/** A fake clock and a step that takes `ms(size, i)` on it (i counts that size's steps from 0). */
function fakeSteps(ms: (size: 'big' | 'small', i: number) => number) {
  let t = 0;
  const count = { big: 0, small: 0 };
  const step = (size: 'big' | 'small') => {
    t += ms(size, count[size]++);
    return Promise.resolve();
  };
  return { step, now: () => t, count };
}

// the probe network at its two batch sizes: 20 ms a step and 5 ms an image (180 and 60 ms at 32 and 8)
const UNDISTURBED = { big: 20 + 5 * PROBE_NET.batch, small: 20 + 5 * SMALL_BATCH } as const;
const TRUE_SPEED = { msPerStep: UNDISTURBED.big, fixedMs: 20, perImageMs: 5 };

describe('timing the probe network on a busy machine', () => {
  it('the first steps (kernels built, shaders compiled) are not timed', async () => {
    const f = fakeSteps((size, i) => (i === 0 ? 30_000 : i === 1 ? 2_000 : UNDISTURBED[size]));
    const samples = await sampleProbeSteps(f.step, f.now);
    expect(f.count).toEqual({ big: PROBE_WARM_UP + PROBE_TIMED, small: PROBE_WARM_UP + PROBE_TIMED });
    expect(samples.big).toHaveLength(PROBE_TIMED);
    expect(speedFromSamples(samples)).toEqual(TRUE_SPEED);
  });

  it("the warm-up lasts PROBE_WARM_UP_MS: a fresh worker's slow first second is not timed", async () => {
    // a network of 2 ms a step and 0.5 ms an image, three times slower for the first second
    const quick = { big: 2 + 0.5 * PROBE_NET.batch, small: 2 + 0.5 * SMALL_BATCH } as const;
    let now = () => 0;
    const f = fakeSteps((size) => quick[size] * (now() < PROBE_WARM_UP_MS ? 3 : 1));
    now = f.now;
    const speed = speedFromSamples(await sampleProbeSteps(f.step, f.now));
    expect(speed).toEqual({ msPerStep: quick.big, fixedMs: 2, perImageMs: 0.5 });
    expect(f.count.big).toBeGreaterThan(PROBE_WARM_UP + PROBE_TIMED);
  });

  it('steps slowed by other work (one each, or a burst over both sizes) do not move the speed', async () => {
    const slowed = new Set(['big 3', 'small 5', 'big 6', 'small 6']);
    const f = fakeSteps((size, i) => UNDISTURBED[size] * (slowed.has(`${size} ${i}`) ? 9 : 1));
    expect(speedFromSamples(await sampleProbeSteps(f.step, f.now))).toEqual(TRUE_SPEED);
  });

  it('steady noise gives the middle of it', async () => {
    // ±10 % around the undisturbed time, in a fixed order
    const wobble = [1, 1.1, 0.9, 1.05, 0.95, 1, 1.1];
    const f = fakeSteps((size, i) => UNDISTURBED[size] * wobble[i % wobble.length]!);
    const speed = speedFromSamples(await sampleProbeSteps(f.step, f.now));
    expect(speed.msPerStep).toBeCloseTo(UNDISTURBED.big, 6);
    expect(speed.perImageMs).toBeCloseTo(5, 6);
  });

  it('the median of an even count is the mean of the middle two; no sample is an error', () => {
    expect(typicalMs([5, 1, 100, 3])).toBe(4);
    expect(typicalMs([7])).toBe(7);
    expect(() => typicalMs([])).toThrow(/no step was timed/);
  });
});
