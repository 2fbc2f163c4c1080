import { describe, expect, it } from 'vitest';
import { softwareBackends } from './softwareBackends';

const timedOnCpu = {
  name: 'wasm' as const,
  software: false,
  timings: [
    { name: 'wasm' as const, ms: 46 },
    { name: 'cpu' as const, stoppedAfterMs: 140 },
  ],
};

describe('softwareBackends', () => {
  it('counts the software adapters the model worker left untimed (its timings name only wasm and cpu)', () => {
    expect(softwareBackends({ ...timedOnCpu, notTimed: ['webgpu', 'webgl'] }, {})).toMatchObject({
      webgpu: true,
      webgl: true,
    });
  });

  it("counts the browser's adapter facts before the model worker has chosen", () => {
    const adapters = {
      webgpu: { description: 'SwiftShader', software: true },
      webgl: { renderer: 'ANGLE (Intel)', software: false },
    };
    expect(softwareBackends(undefined, adapters)).toEqual({ webgpu: true, webgl: false });
  });

  it('counts a software adapter the worker timed, or runs on', () => {
    const timed = {
      ...timedOnCpu,
      timings: [...timedOnCpu.timings, { name: 'webgl' as const, ms: 900, software: true }],
    };
    expect(softwareBackends(timed, {}).webgl).toBe(true);
    expect(softwareBackends({ name: 'webgpu', software: true }, {}).webgpu).toBe(true);
  });

  it('leaves hardware adapters as GPUs', () => {
    const adapters = {
      webgpu: { description: 'NVIDIA', software: false },
      webgl: { renderer: 'ANGLE (NVIDIA)', software: false },
    };
    expect(softwareBackends({ ...timedOnCpu, name: 'webgpu', timings: [{ name: 'webgpu', ms: 5 }] }, adapters)).toEqual(
      {
        webgpu: false,
        webgl: false,
      },
    );
  });
});
