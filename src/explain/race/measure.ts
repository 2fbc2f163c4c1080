/**
 * Choosing where the race trains by measuring: every backend that starts trains the
 * smallest race network for a few steps, and the fastest wins. (tfjs's WASM backend cannot
 * train convolutions, and a "GPU" backend may be a software renderer slower than the CPU.)
 */
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend, type BackendLoader } from '../../model/backend';
import type { BackendName } from '../../model/types';
import type { LabelledImages } from './data';
import { batchIndices } from './setup';
import { RaceTrainer, toBatch } from './trainer';

export interface BackendMeasurement {
  readonly name: BackendName;
  /** Milliseconds per training step of the probe network; absent when the backend failed. */
  readonly msPerStep?: number;
  readonly error?: string;
}

const PROBE = { spec: { family: 'residual', n: 1, width: 4 }, batch: 16, warmUp: 1, timed: 2 } as const;

/**
 * A backend whose probe (warm-up included) takes longer than this is not waited for: a
 * software "GPU" (SwiftShader) can spend minutes compiling shaders. Its work is abandoned.
 */
export const PROBE_LIMIT_MS = 15_000;

function withinLimit<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the probe took over ${ms / 1000} s`)), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

/** Milliseconds per step of the probe network on the current backend (after a warm-up step). */
export async function timeProbe(train: LabelledImages): Promise<number> {
  const t = new RaceTrainer(PROBE.spec, { seed: 1, learningRate: 0.05, momentum: 0.9 });
  const { x, y } = toBatch(train, batchIndices(train.labels.length, PROBE.batch, 1, 1)[0]!);
  try {
    for (let i = 0; i < PROBE.warmUp; i++) await t.step(x, y);
    const start = performance.now();
    for (let i = 0; i < PROBE.timed; i++) await t.step(x, y);
    return (performance.now() - start) / PROBE.timed;
  } finally {
    tf.dispose([x, y]);
    t.dispose();
  }
}

/**
 * Start each candidate in turn, time the probe on it (giving up after `limitMs`), and leave
 * tfjs on the fastest. Throws when none can train.
 */
export async function chooseByMeasurement(
  candidates: readonly BackendName[],
  loaders: Partial<Record<BackendName, BackendLoader>>,
  train: LabelledImages,
  limitMs = PROBE_LIMIT_MS,
): Promise<{ chosen: BackendName; measurements: BackendMeasurement[] }> {
  const measurements: BackendMeasurement[] = [];
  for (const name of candidates) {
    const only = loaders[name];
    try {
      if (!only) throw new Error('not available here');
      const probe = async () => {
        await selectBackend({ [name]: only }, name);
        return timeProbe(train);
      };
      measurements.push({ name, msPerStep: await withinLimit(probe(), limitMs) });
    } catch (e) {
      measurements.push({ name, error: e instanceof Error ? e.message : String(e) });
    }
  }
  const ok = measurements.filter((m) => m.msPerStep !== undefined);
  if (!ok.length)
    throw new Error(`no backend could train: ${measurements.map((m) => `${m.name}: ${m.error}`).join('; ')}`);
  const chosen = ok.reduce((a, b) => (b.msPerStep! < a.msPerStep! ? b : a)).name;
  if (tf.getBackend() !== chosen) await tf.setBackend(chosen);
  return { chosen, measurements };
}
