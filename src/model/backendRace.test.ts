import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { fastestPass, raceBackends, raceVerdict, TIMED_PASSES } from './backendRace';
import { nodeBackendLoaders } from './nodeBackends';

/** A stand-in for a GPU backend in Node: plain JavaScript's kernels, registered as "webgl". */
const fakeGpu = async () => {
  const { MathBackendCPU } = await import('@tensorflow/tfjs-backend-cpu');
  if (tf.findBackendFactory('webgl')) return; // registered by an earlier race in this file
  tf.registerBackend('webgl', () => new MathBackendCPU());
  for (const k of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...k, backendName: 'webgl' });
};

describe('fastestPass', () => {
  /** A pass that takes `ms[i]` on a fake clock the i-th time it runs. */
  const passes = (ms: number[]) => {
    let clock = 0;
    let i = 0;
    return {
      now: () => clock,
      pass: async () => {
        clock += ms[i++]!;
      },
      runs: () => i,
    };
  };

  it('keeps the fastest of its timed passes: one pass slowed by other work does not decide', async () => {
    expect(TIMED_PASSES).toBe(2);
    for (const ms of [
      [500, 40, 7],
      [40, 500, 7],
    ]) {
      const p = passes(ms);
      expect(await fastestPass(p.pass, () => false, p.now)).toBe(40);
      expect(p.runs()).toBe(TIMED_PASSES);
    }
  });

  it('always runs one pass, and no more once the time is spent', async () => {
    const p = passes([500, 40]);
    expect(await fastestPass(p.pass, () => true, p.now)).toBe(500);
    expect(p.runs()).toBe(1);
  });
});

describe('raceBackends', () => {
  it('times each backend that starts and leaves tfjs on the fastest', async () => {
    const result = await raceBackends(
      { ...nodeBackendLoaders, webgpu: () => Promise.reject(new Error('no adapter')) },
      ['webgpu', 'wasm', 'cpu'],
      { size: 32, budgetMs: 20_000 },
    );
    const byName = Object.fromEntries(result.timings.map((t) => [t.name, t]));
    expect(byName['webgpu']?.error).toBe('no adapter');
    expect(byName['wasm']?.ms).toBeGreaterThan(0);
    // plain JavaScript is either timed or stopped once it runs 3× longer than WASM's pass
    expect((byName['cpu']?.ms ?? byName['cpu']?.stoppedAfterMs) as number).toBeGreaterThan(0);
    const fastest = result.timings
      .filter((t) => t.ms !== undefined)
      .sort((a, b) => (a.ms as number) - (b.ms as number))[0];
    expect(result.winner).toBe(fastest?.name);
    expect(tf.getBackend()).toBe(result.winner);
  });

  it('chooses the fastest, not the first that starts', async () => {
    const result = await raceBackends(nodeBackendLoaders, ['cpu', 'wasm'], { size: 32, budgetMs: 20_000 });
    expect(result.timings.map((t) => t.name)).toEqual(['cpu', 'wasm']);
    expect(result.winner).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });

  it('stops a clearly slower backend mid-pass and says by how much it lost', async () => {
    // CPU first gives a baseline; WASM is then free to win. Run the other way round, the
    // budget for plain JavaScript is 3× WASM's pass, so it is stopped or timed, never waited out
    const result = await raceBackends(nodeBackendLoaders, ['wasm', 'cpu'], { size: 64, budgetMs: 20_000 });
    expect(result.winner).toBe('wasm');
    const cpu = result.timings.find((t) => t.name === 'cpu');
    const wasm = result.timings.find((t) => t.name === 'wasm');
    const cpuMs = (cpu?.ms ?? cpu?.stoppedAfterMs) as number;
    expect(cpuMs).toBeLessThan((wasm?.ms as number) * 3 + 1000);
    const verdict = raceVerdict(result);
    expect(verdict.runnerUp).toBe('cpu');
    expect(verdict.times).toBeGreaterThanOrEqual(1);
  });

  it('gives a hardware GPU its whole first pass to compile, but stops a software adapter at 3× the best', async () => {
    const loaders = { ...nodeBackendLoaders, webgl: fakeGpu };
    const hardware = await raceBackends(loaders, ['wasm', 'webgl'], { size: 64, budgetMs: 20_000 });
    const software = await raceBackends(loaders, ['wasm', 'webgl'], {
      size: 64,
      budgetMs: 20_000,
      software: { webgl: true },
    });
    const gpu = (r: typeof hardware) => r.timings.find((t) => t.name === 'webgl');
    const wasmMs = (r: typeof hardware) => r.timings.find((t) => t.name === 'wasm')?.ms as number;
    // plain JavaScript is far more than 3× slower than WASM at 64×64: timed only when it may compile
    expect(gpu(hardware)?.ms).toBeGreaterThan(3 * wasmMs(hardware));
    expect(gpu(software)?.stoppedAfterMs).toBeLessThan(3 * wasmMs(software) + 1000);
    expect(gpu(software)).toMatchObject({ software: true });
    expect(software.winner).toBe('wasm');
  });

  it('reports backends the budget did not reach, and fails when none starts', async () => {
    const result = await raceBackends(nodeBackendLoaders, ['wasm', 'cpu'], { size: 32, budgetMs: 1 });
    expect(result.winner).toBe('wasm');
    expect(result.timings.find((t) => t.name === 'cpu')?.error).toMatch(/budget/);
    await expect(raceBackends({}, ['wasm'], { size: 32 })).rejects.toThrow(/No tfjs backend could start/);
  });

  it('words a lost race as a ratio, a lower bound when the loser was stopped', () => {
    expect(
      raceVerdict({
        winner: 'wasm',
        timings: [
          { name: 'wasm', ms: 20 },
          { name: 'webgpu', stoppedAfterMs: 1600, software: true },
        ],
      }),
    ).toEqual({ winner: 'wasm', runnerUp: 'webgpu', times: 80, atLeast: true, runnerUpSoftware: true });
    // a CPU winner is compared with the GPU, even when plain JavaScript came closer
    expect(
      raceVerdict({
        winner: 'wasm',
        timings: [
          { name: 'wasm', ms: 20 },
          { name: 'cpu', stoppedAfterMs: 60 },
          { name: 'webgpu', stoppedAfterMs: 1600, software: true },
        ],
      }),
    ).toMatchObject({ runnerUp: 'webgpu', times: 80 });
    expect(
      raceVerdict({
        winner: 'webgl',
        timings: [
          { name: 'webgl', ms: 10 },
          { name: 'wasm', ms: 24 },
        ],
      }),
    ).toEqual({
      winner: 'webgl',
      runnerUp: 'wasm',
      times: 2.4,
    });
  });
});
