import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { backendOrder, selectBackend } from './backend';
import { nodeBackendLoaders } from './nodeBackends';

describe('selectBackend', () => {
  it('tries WebGPU, WebGL, WASM, CPU in that order and says why each failed', async () => {
    const choice = await selectBackend({
      webgpu: async () => {
        throw new Error('WebGPU found no GPU adapter');
      },
      webgl: async () => {
        /* registers nothing, so setBackend fails */
      },
      ...nodeBackendLoaders,
    });
    expect(choice.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(choice.attempts.map((a) => [a.name, a.ok])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['wasm', true],
    ]);
    expect(choice.attempts[0]?.error).toMatch(/no GPU adapter/);
  });

  it('puts a requested backend first and falls back when it fails', async () => {
    expect(backendOrder('wasm')).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    const choice = await selectBackend(
      { cpu: nodeBackendLoaders.cpu, wasm: async () => Promise.reject(new Error('no wasm here')) },
      'wasm',
    );
    expect(choice.requested).toBe('wasm');
    expect(choice.name).toBe('cpu');
    expect(choice.attempts.find((a) => a.name === 'wasm')?.error).toBe('no wasm here');
  });

  it('throws a readable error when nothing starts', async () => {
    await expect(selectBackend({})).rejects.toThrow(/No tfjs backend could start/);
  });

  it('runs two selections at once one after the other, so both get what they asked for', async () => {
    const [a, b] = await Promise.all([
      selectBackend(nodeBackendLoaders, 'wasm'),
      selectBackend(nodeBackendLoaders, 'wasm'),
    ]);
    expect([a.name, b.name]).toEqual(['wasm', 'wasm']);
    expect(tf.getBackend()).toBe('wasm');
  });
});
