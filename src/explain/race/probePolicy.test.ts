import { describe, expect, it } from 'vitest';
import type { BackendName } from '../../model/types';
import {
  chooseByProbing,
  failureOf,
  FIRST_PROBE_LIMIT_MS,
  CPU_MIN_PROBE_LIMIT_MS,
  MIN_PROBE_LIMIT_MS,
  PROBE_LIMIT_FACTOR,
  ProbeError,
  probeLimit,
  probeOrder,
} from './probePolicy';

const ALL: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/**
 * Stand-in backends on a fake clock: each takes `wall` ms and trains at `ms` a step, or
 * fails; one past the limit it is given is stopped there (as the session's worker is).
 */
function standIns(b: Partial<Record<BackendName, { ms?: number; wall: number; failure?: 'cannotTrain' }>>) {
  let clock = 0;
  const calls: { name: BackendName; limitMs: number | undefined }[] = [];
  const probe = (name: BackendName, limitMs: number | undefined) => {
    calls.push({ name, limitMs });
    const s = b[name]!;
    if (limitMs !== undefined && s.wall > limitMs) {
      clock += limitMs;
      return Promise.reject(new ProbeError('timeout', 'the probe took too long'));
    }
    clock += s.wall;
    if (s.failure) return Promise.reject(new ProbeError(s.failure, "Kernel 'Conv2DBackpropFilter' not registered"));
    return Promise.resolve({ msPerStep: s.ms! });
  };
  return { probe, calls, now: () => clock };
}

describe('the order backends are timed in', () => {
  it('is hardware GPUs, WebAssembly, the CPU, then software adapters; a requested one first', () => {
    expect(probeOrder(['cpu', 'wasm', 'webgl', 'webgpu'], {})).toEqual(['webgl', 'webgpu', 'wasm', 'cpu']);
    expect(probeOrder(ALL, { webgpu: true, webgl: true })).toEqual(['wasm', 'cpu', 'webgpu', 'webgl']);
    expect(probeOrder(ALL, { webgpu: true }, 'cpu')).toEqual(['cpu', 'webgl', 'wasm', 'webgpu']);
  });
});

describe('the probe limit', () => {
  it('is absolute for the first, relative to the fastest whole probe after, none for a last resort', () => {
    expect(probeLimit(undefined, false)).toBe(FIRST_PROBE_LIMIT_MS);
    expect(probeLimit(undefined, true)).toBeUndefined();
    expect(probeLimit(8_000, false)).toBe(PROBE_LIMIT_FACTOR * 8_000);
    expect(probeLimit(8_000, true)).toBe(PROBE_LIMIT_FACTOR * 8_000);
    expect(probeLimit(100, false)).toBe(MIN_PROBE_LIMIT_MS);
    expect(probeLimit(100, false, CPU_MIN_PROBE_LIMIT_MS)).toBe(CPU_MIN_PROBE_LIMIT_MS);
    expect(probeLimit(1_100, true, CPU_MIN_PROBE_LIMIT_MS)).toBe(PROBE_LIMIT_FACTOR * 1_100);
    expect(probeLimit(1e6, false)).toBe(FIRST_PROBE_LIMIT_MS);
  });
});

describe('choosing by probing', () => {
  it('on a machine without a GPU: WebAssembly wins, the slow CPU is stopped at its limit, SwiftShader never runs', async () => {
    const s = standIns({
      webgpu: { ms: 50, wall: 300_000 },
      webgl: { ms: 80, wall: 200_000 },
      wasm: { ms: 400, wall: 6_000 },
      cpu: { ms: 3_000, wall: 40_000 },
    });
    const r = await chooseByProbing({ candidates: ALL, software: { webgpu: true, webgl: true }, ...s });
    expect(r.chosen).toBe('wasm');
    expect(s.calls).toEqual([
      { name: 'wasm', limitMs: FIRST_PROBE_LIMIT_MS },
      { name: 'cpu', limitMs: PROBE_LIMIT_FACTOR * 6_000 },
    ]);
    expect(r.measurements.map((m) => [m.name, m.failure ?? m.msPerStep])).toEqual([
      ['wasm', 400],
      ['cpu', 'timeout'],
      ['webgpu', 'skipped'],
      ['webgl', 'skipped'],
    ]);
    expect(r.measurements[1]).toMatchObject({ limitMs: 18_000 });
  });

  it('after a quick WebAssembly probe, the CPU is stopped at 3× it, not at the 10 s floor (it starts at once)', async () => {
    const s = standIns({ wasm: { ms: 40, wall: 1_100 }, cpu: { ms: 800, wall: 20_000 } });
    const r = await chooseByProbing({ candidates: ['wasm', 'cpu'], software: {}, ...s });
    expect(r.chosen).toBe('wasm');
    expect(s.calls).toEqual([
      { name: 'wasm', limitMs: FIRST_PROBE_LIMIT_MS },
      { name: 'cpu', limitMs: PROBE_LIMIT_FACTOR * 1_100 },
    ]);
    expect(PROBE_LIMIT_FACTOR * 1_100).toBeLessThan(MIN_PROBE_LIMIT_MS);
  });

  it('before WebAssembly trains: the CPU is waited for, then software adapters are timed against it', async () => {
    const s = standIns({
      webgpu: { ms: 900, wall: 25_000 },
      webgl: { ms: 2_000, wall: 200_000 },
      wasm: { wall: 3_000, failure: 'cannotTrain' },
      cpu: { ms: 3_000, wall: 90_000 },
    });
    const r = await chooseByProbing({ candidates: ALL, software: { webgpu: true, webgl: true }, ...s });
    expect(s.calls.map((c) => c.limitMs)).toEqual([FIRST_PROBE_LIMIT_MS, undefined, 60_000, 60_000]);
    expect(r.chosen).toBe('webgpu');
    expect(r.measurements.map((m) => m.failure ?? m.msPerStep)).toEqual(['cannotTrain', 3_000, 900, 'timeout']);
  });

  it('never says no backend could train while one can; says so when none can', async () => {
    const slow = standIns({ cpu: { ms: 20_000, wall: 500_000 } });
    expect((await chooseByProbing({ candidates: ['cpu'], software: {}, ...slow })).chosen).toBe('cpu');
    const none = standIns({ wasm: { wall: 1, failure: 'cannotTrain' }, cpu: { wall: 1, failure: 'cannotTrain' } });
    await expect(chooseByProbing({ candidates: ['wasm', 'cpu'], software: {}, ...none })).rejects.toThrow(
      'no backend could train',
    );
  });

  it('takes a requested backend that trains without timing the others, and falls back when it cannot', async () => {
    const s = standIns({ wasm: { ms: 400, wall: 5_000 }, cpu: { ms: 3_000, wall: 9_000 } });
    const r = await chooseByProbing({ candidates: ['wasm', 'cpu'], software: {}, requested: 'cpu', ...s });
    expect(r.chosen).toBe('cpu');
    expect(s.calls.map((c) => c.name)).toEqual(['cpu']);
    const f = standIns({ wasm: { wall: 5, failure: 'cannotTrain' }, cpu: { ms: 3_000, wall: 9_000 } });
    const g = await chooseByProbing({ candidates: ['wasm', 'cpu'], software: {}, requested: 'wasm', ...f });
    expect(g.chosen).toBe('cpu');
  });
});

describe('a probe failure', () => {
  it('is sorted out of the error text', () => {
    expect(failureOf("Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'")).toBe('cannotTrain');
    expect(failureOf('WebGPU found no GPU adapter')).toBe('unavailable');
    expect(failureOf('out of memory')).toBe('failed');
  });
});
