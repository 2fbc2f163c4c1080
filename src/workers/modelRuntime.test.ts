/**
 * The model worker's runtime in Node, with stand-in backends (WASM and CPU; the GPU ones
 * fail to start) and stand-in weights (random, seeded): what the page hears, in order.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { StaleTrace } from '../explain/stepper/traceTypes';
import type { BackendLoader } from '../model/backend';
import { ResNet } from '../model/network';
import { nodeBackendLoaders } from '../model/nodeBackends';
import type { ModelEvent, TracedMessage } from './modelMessages';
import { ModelRuntime, type RuntimeDeps, type TraceObserver } from './modelRuntime';

const failing: BackendLoader = () => Promise.reject(new Error('no adapter'));

function standIn(observer?: TraceObserver) {
  const events: ModelEvent[] = [];
  const lost: ((reason: string) => void)[] = [];
  const deps: RuntimeDeps = {
    loaders: { ...nodeBackendLoaders, webgpu: failing, webgl: failing },
    probeAdapters: () => Promise.resolve({ key: 'node' }),
    post: (m) => events.push(m),
    watchDeviceLoss: (onLost) => lost.push(onLost),
    weights: {
      trainedSize: () => Promise.resolve(32),
      shipped: () => Promise.resolve({ net: ResNet.random(0) }),
      fromFiles: () => Promise.reject(new Error('these files hold no weights')),
    },
    ...(observer ? { observer } : {}),
  };
  const runtime = new ModelRuntime(deps);
  /** The events of one type, in order. */
  const of = <T extends ModelEvent['type']>(type: T) =>
    events.filter((e): e is Extract<ModelEvent, { type: T }> => e.type === type);
  return { runtime, events, lost, of };
}

const input = { kind: 'rand', seed: 3 } as const;

describe('ModelRuntime', () => {
  it('starts the asked-for backend, traces, reads, and keeps the tensor count flat from trace to trace', async () => {
    const { runtime, of } = standIn();
    await runtime.start({ backend: 'cpu', size: 32 });
    expect(of('backend')[0]?.backend).toMatchObject({ name: 'cpu', reason: 'requested', software: false });
    expect(of('ready')).toHaveLength(1);
    await runtime.trace(1, input, 32);
    const first = of('traced')[0] as TracedMessage;
    expect(first).toMatchObject({ request: 1, trace: 1, backend: 'cpu' });
    expect(first.probabilities).toHaveLength(10);
    const last = of('progress').at(-1)!;
    expect(last).toMatchObject({ request: 1, done: last.total });
    const stem = first.result.nodes[0]!.path;
    const t = await runtime.read(1, stem);
    expect(t.shape[0]).toBe(1);
    const after1 = tf.memory().numTensors;
    await runtime.trace(2, input, 32);
    expect(tf.memory().numTensors).toBe(after1);
    // a read of the replaced trace is stale, never the new trace's data
    await expect(runtime.read(1, stem)).rejects.toBeInstanceOf(StaleTrace);
    await expect(runtime.read(2, stem)).resolves.toBeDefined();
  });

  it('drops an input that a newer one replaced before it started', async () => {
    const { runtime, of } = standIn();
    void runtime.start({ backend: 'cpu', size: 32 });
    const older = runtime.trace(1, input, 32);
    const newer = runtime.trace(2, input, 32);
    await Promise.all([older, newer]);
    expect(of('traceFailed')).toEqual([{ type: 'traceFailed', request: 1, stale: true, message: 'superseded' }]);
    expect(of('traced').map((e) => e.request)).toEqual([2]);
  });

  it('after an allocation failure, traces again at half the size and says so', async () => {
    let fail = true;
    const observer: TraceObserver = {
      traceStarted: () => undefined,
      afterOp: () => {
        if (fail) {
          fail = false;
          throw new Error('Out of memory: could not allocate');
        }
      },
      traced: () => undefined,
      read: () => undefined,
    };
    const { runtime, of } = standIn(observer);
    await runtime.start({ backend: 'cpu', size: 64 });
    await runtime.trace(1, input, 64);
    expect(of('downsized')).toEqual([
      { type: 'downsized', request: 1, from: 64, to: 32, reason: 'Out of memory: could not allocate' },
    ]);
    expect(of('traced')).toHaveLength(1);
    expect(of('traceFailed')).toEqual([]);
  });

  it('keeps the running weights when the chosen files cannot be used', async () => {
    const { runtime, of } = standIn();
    await runtime.start({ backend: 'cpu', size: 32 });
    await expect(runtime.useWeights([{ name: 'x.bin', bytes: new ArrayBuffer(4) }])).rejects.toThrow('no weights');
    await runtime.trace(1, input, 32);
    expect(of('traced')).toHaveLength(1);
  });

  it('after a lost device, moves to the next backend of the ranking and traces the newest input again there', async () => {
    const { runtime, of, lost } = standIn();
    await runtime.start({ backend: 'wasm', size: 32 });
    await runtime.trace(7, input, 32);
    expect(of('traced').map((e) => e.backend)).toEqual(['wasm']);
    lost[0]!('the GPU device was lost');
    await runtime.whenReady();
    await expect.poll(() => of('traced').length, { timeout: 30_000 }).toBe(2);
    expect(of('deviceLost')).toEqual([{ type: 'deviceLost', reason: 'the GPU device was lost' }]);
    const moved = of('backend').at(-1)!.backend;
    expect(moved).toMatchObject({ reason: 'deviceLost' });
    expect(moved.name).not.toBe('wasm');
    expect(of('traced')[1]).toMatchObject({ request: 7, backend: moved.name });
  });
});
