import { describe, expect, it } from 'vitest';
import { followChoice, racePlan } from './backendPolicy';

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
