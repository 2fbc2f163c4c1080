import { describe, expect, it } from 'vitest';
import type { BackendLoader } from './backend';
import {
  chooseBackend,
  followChoice,
  isOutOfMemory,
  racePlan,
  rankByTimings,
  retrySize,
  type AdapterFacts,
} from './backendPolicy';
import { nodeBackendLoaders } from './nodeBackends';
import { MIN_INPUT_SIZE } from './inputSizes';

describe('racePlan', () => {
  it('never times a software adapter before the first trace, nor later', () => {
    expect(racePlan(['wasm', 'webgpu', 'webgl', 'cpu'], { webgpu: true, webgl: true })).toEqual({
      timed: ['wasm', 'cpu'],
      notTimed: ['webgpu', 'webgl'],
    });
  });
  it('times a hardware GPU with the rest', () => {
    expect(racePlan(['wasm', 'webgpu', 'webgl', 'cpu'], { webgpu: false, webgl: true })).toEqual({
      timed: ['wasm', 'webgpu', 'cpu'],
      notTimed: ['webgl'],
    });
  });
});

describe('followChoice', () => {
  const worker = ['webgpu', 'wasm', 'cpu'] as const;
  it("runs on the page's measured choice, labelled as the page labels it", () => {
    expect(followChoice({ name: 'wasm', software: false }, worker)).toEqual({
      order: ['wasm', 'cpu'],
      software: false,
    });
    expect(followChoice({ name: 'webgpu', software: false }, worker)).toEqual({
      order: ['webgpu', 'wasm', 'cpu'],
      software: false,
    });
    // a link that forces the software adapter: used, and called software
    expect(followChoice({ name: 'webgpu', software: true }, worker).software).toBe(true);
  });
  it('before the choice is known, or where the worker cannot start it, WebAssembly: never an unmeasured GPU', () => {
    expect(followChoice(undefined, worker)).toEqual({ order: ['wasm', 'cpu'], software: false });
    expect(followChoice({ name: 'webgl', software: false }, worker)).toEqual({
      order: ['wasm', 'cpu'],
      software: false,
    });
  });
});

describe('rankByTimings', () => {
  it('falls back to the fastest measured first (a stopped pass counts at its stop), then the usual order', () => {
    expect(
      rankByTimings([
        { name: 'wasm', ms: 40 },
        { name: 'webgl', stoppedAfterMs: 30 },
        { name: 'cpu', ms: 900 },
        { name: 'webgpu', error: 'no adapter' },
      ]),
    ).toEqual(['webgl', 'wasm', 'cpu', 'webgpu']);
  });
});

describe('retrySize', () => {
  it('retries an allocation failure at half the size, not under the minimum', () => {
    const oom = new Error('Out of memory: could not allocate');
    expect(retrySize(oom, 224)).toBe(112);
    expect(retrySize(oom, 48)).toBe(MIN_INPUT_SIZE);
    expect(retrySize(oom, MIN_INPUT_SIZE)).toBeUndefined();
  });
  it('never retries another failure', () => {
    expect(isOutOfMemory(new Error('Failed to compile shader'))).toBe(false);
    expect(retrySize(new Error('Failed to compile shader'), 224)).toBeUndefined();
    expect(isOutOfMemory('GPU allocation failed')).toBe(true);
  });
});

describe('chooseBackend (stand-in backends in Node)', () => {
  const failing: BackendLoader = () => Promise.reject(new Error('no adapter'));
  const loaders = { ...nodeBackendLoaders, webgpu: failing, webgl: failing };
  const hardware: AdapterFacts = { key: 'k1', software: {} };
  const noSize = () => Promise.reject(new Error('the trained size is asked for only when a race runs'));

  it('starts the backend a link asks for, and falls back in the usual order after it', async () => {
    const d = await chooseBackend(loaders, { backend: 'cpu', size: 32 }, hardware, noSize);
    expect(d).toMatchObject({ name: 'cpu', reason: 'requested', requested: 'cpu' });
    expect(d.ranking).toEqual(['cpu', 'webgpu', 'webgl', 'wasm']);
  });

  it('trusts a remembered choice only for the same adapters', async () => {
    const remembered = { key: 'k1', name: 'cpu' as const, size: 48, timings: [{ name: 'cpu' as const, ms: 5 }] };
    const d = await chooseBackend(loaders, { backend: 'auto', size: 32, remembered }, hardware, noSize);
    expect(d).toMatchObject({ name: 'cpu', reason: 'remembered', raceSize: 48 });
    expect(d.ranking[0]).toBe('cpu');
    const other = await chooseBackend(
      loaders,
      { backend: 'auto', size: 32, remembered: { ...remembered, key: 'k2' } },
      { key: 'k2b', software: { webgpu: true } },
      () => Promise.resolve(32),
    );
    expect(other.reason).toBe('measured');
  });

  it('races the rest and never starts a software adapter', async () => {
    const started: string[] = [];
    const counting = Object.fromEntries(
      Object.entries(loaders).map(([name, load]) => [name, () => (started.push(name), load())]),
    );
    const d = await chooseBackend(
      counting,
      { backend: 'auto', size: 0 },
      { key: 'k', software: { webgpu: true } },
      () => Promise.resolve(32),
    );
    expect(d.reason).toBe('measured');
    expect(d.raceSize).toBe(32);
    expect(d.notTimed).toEqual(['webgpu']);
    expect(started).not.toContain('webgpu');
    expect(['wasm', 'cpu']).toContain(d.name);
    expect(d.ranking[0]).toBe(d.name);
  });
});
