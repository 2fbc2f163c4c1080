/**
 * Choosing the backend by measurement: build the network on each backend that starts,
 * time forward passes at the page's input size (after a warm-up pass: the first compiles
 * shaders; the fastest of two, so a burst of other work does not decide), and keep the
 * fastest. The whole race has a time budget; a backend that is
 * clearly slower than the best so far is stopped mid-pass instead of being waited for, and
 * a software GPU adapter gets no extra time to compile its shaders.
 */
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend, type BackendLoader } from './backend';
import { randomInput } from './input';
import { stateDictEntries } from './architecture';
import { initialValues } from './init';
import { ResNet } from './network';
import { runPlanStepwise } from './planRunner';
import { RESNET18 } from './variants';
import type { BackendName } from './types';

/** What the race found out about one backend. */
export interface BackendTiming {
  readonly name: BackendName;
  /** The fastest timed forward pass after the warm-up (`fastestPass`), in milliseconds. */
  readonly ms?: number;
  /** The warm-up pass was stopped after this many milliseconds without finishing. */
  readonly stoppedAfterMs?: number;
  /** It did not start, or the budget was spent before its turn. */
  readonly error?: string;
  /** Its adapter is a software rasteriser (SwiftShader, llvmpipe, WARP…). */
  readonly software?: boolean;
}

export interface RaceResult {
  /** The fastest backend; it is tfjs's current backend when the race returns. */
  readonly winner: BackendName;
  readonly timings: readonly BackendTiming[];
}

export interface RaceOptions {
  /** Input height and width to time. */
  readonly size: number;
  /** Milliseconds the builds and passes may take, starting the backends aside (default 2000). */
  readonly budgetMs?: number;
  /** Backends whose adapter is known to be software. */
  readonly software?: Partial<Record<BackendName, boolean>>;
  /**
   * The best pass of an earlier race (its backend among `loaders`): the candidates must beat
   * it, are stopped at 3× it, and tfjs returns to it when none does.
   */
  readonly baseline?: { readonly name: BackendName; readonly ms: number };
}

/** Backends that compile shaders on their first pass: their warm-up may use the whole budget. */
const COMPILES: readonly BackendName[] = ['webgpu', 'webgl'];
/** A backend whose warm-up runs this many times longer than the best timed pass has lost. */
const CLEARLY_SLOWER = 3;

class Stopped extends Error {}

/**
 * Race `candidates` (in this order: put the usual winner first, so the others can be
 * stopped early) and leave tfjs on the fastest. Throws if none starts.
 */
export async function raceBackends(
  loaders: Partial<Record<BackendName, BackendLoader>>,
  candidates: readonly BackendName[],
  opts: RaceOptions,
): Promise<RaceResult> {
  const budget = opts.budgetMs ?? 2000;
  // The budget counts building each backend's network and its passes; starting a backend
  // (fetching and compiling WebAssembly, asking for a GPU adapter) is not the backend's speed.
  let since: number | undefined;
  let starting = 0;
  const spent = () => (since === undefined ? 0 : performance.now() - since - starting);
  const timings: BackendTiming[] = [];
  let best: { name: BackendName; ms: number } | undefined = opts.baseline;
  // every backend times the same network: its random weights are drawn once
  let values: Map<string, Float32Array> | undefined;
  for (const name of candidates) {
    const software = opts.software?.[name] ? { software: true } : {};
    if (budget - spent() <= 0) {
      timings.push({ name, error: 'not measured: the time budget was spent', ...software });
      continue;
    }
    const load = loaders[name];
    if (!load) {
      timings.push({ name, error: 'not available in this environment', ...software });
      continue;
    }
    const startedAt = performance.now();
    try {
      await selectBackend({ [name]: load }, name);
    } catch (e) {
      timings.push({ name, error: startError(name, e), ...software });
      continue;
    } finally {
      if (since !== undefined) starting += performance.now() - startedAt;
    }
    since ??= performance.now();
    const left = budget - spent();
    if (left <= 0) {
      timings.push({ name, error: 'not measured: the time budget was spent', ...software });
      continue;
    }
    // only a hardware GPU's first pass may take the whole budget (it compiles its shaders);
    // any other backend is stopped once it runs 3× longer than the best pass so far
    const compiles = COMPILES.includes(name) && !opts.software?.[name];
    const limit = compiles || !best ? left : Math.min(left, best.ms * CLEARLY_SLOWER);
    values ??= initialValues(stateDictEntries(RESNET18), 0);
    const t = await timeForward(opts.size, limit, values);
    timings.push({
      name,
      ...(t.ms !== undefined ? { ms: t.ms } : {}),
      ...(t.stoppedAfterMs !== undefined ? { stoppedAfterMs: t.stoppedAfterMs } : {}),
      ...software,
    });
    if (t.ms !== undefined && (!best || t.ms < best.ms)) best = { name, ms: t.ms };
  }
  if (!best) {
    const started = timings.find((t) => t.stoppedAfterMs !== undefined);
    if (!started)
      throw new Error(`No tfjs backend could start: ${timings.map((t) => `${t.name}: ${t.error}`).join('; ')}`);
    best = { name: started.name, ms: Infinity };
  }
  await selectBackend({ [best.name]: loaders[best.name] }, best.name);
  return { winner: best.name, timings };
}

/** selectBackend's message names every backend; keep what it says about this one. */
function startError(name: BackendName, e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text
    .replace(`No tfjs backend could start: ${name}: `, '')
    .replace(/(; \w+: not available in this environment)+$/, '');
}

/**
 * A warm-up pass one operation at a time (waiting for each, so it can be stopped after
 * `limitMs`), then timed forward passes (`fastestPass`). Runs on tfjs's current backend.
 */
async function timeForward(
  size: number,
  limitMs: number,
  values: ReadonlyMap<string, Float32Array>,
): Promise<{ ms?: number; stoppedAfterMs?: number }> {
  const net = ResNet.random(0, undefined, RESNET18, values);
  const x = randomInput([1, 1, size, size], 0);
  try {
    const t0 = performance.now();
    try {
      await warmUp(net, x, () => performance.now() - t0 > limitMs);
    } catch (e) {
      if (e instanceof Stopped) return { stoppedAfterMs: performance.now() - t0 };
      throw e;
    }
    const pass = async () => {
      const logits = net.forward(x);
      try {
        await logits.data();
      } finally {
        logits.dispose();
      }
    };
    return { ms: await fastestPass(pass, () => performance.now() - t0 > limitMs) };
  } finally {
    x.dispose();
    net.dispose();
  }
}

/**
 * Timed passes after the warm-up. One pass slowed by a burst of other work on a busy machine
 * once let plain JavaScript beat WebAssembly; the fastest of two is the backend's speed.
 */
export const TIMED_PASSES = 2;

/**
 * The fastest of up to `TIMED_PASSES` runs of `pass`, in milliseconds: the first always runs,
 * a later one only while `overTime` says the backend's time is not spent.
 */
export async function fastestPass(
  pass: () => Promise<void>,
  overTime: () => boolean,
  now: () => number = () => performance.now(),
): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < TIMED_PASSES && (i === 0 || !overTime()); i++) {
    const start = now();
    await pass();
    best = Math.min(best, now() - start);
  }
  return best;
}

async function warmUp(net: ResNet, xNCHW: tf.Tensor4D, overTime: () => boolean): Promise<void> {
  const input = tf.transpose(xNCHW, [0, 2, 3, 1]);
  try {
    const values = await runPlanStepwise(net.plan(), new Map([['input', input]]), {
      // waiting for each output gives the worker its turns; the runner need not add any
      sliceMs: Infinity,
      onOutput: async (_path, out) => {
        await out.data();
        if (overTime()) throw new Stopped();
      },
    });
    tf.dispose([...values.values()].filter((t) => t !== input));
  } finally {
    input.dispose();
  }
}

/** How much faster the winner was than the runner-up, for the status line. */
export interface RaceVerdict {
  readonly winner: BackendName;
  readonly runnerUp?: BackendName;
  /** winner's time ÷ runner-up's, rounded; a lower bound when `atLeast`. */
  readonly times?: number;
  readonly atLeast?: boolean;
  readonly runnerUpSoftware?: boolean;
}

/**
 * Compare the winner with the best of the rest (a stopped pass counts with its lower bound);
 * a CPU winner with WebGPU where it was timed, else WebGL (the page promises the GPU).
 */
export function raceVerdict(result: RaceResult): RaceVerdict {
  const win = result.timings.find((t) => t.name === result.winner);
  const others = result.timings
    .filter((t) => t.name !== result.winner && (t.ms !== undefined || t.stoppedAfterMs !== undefined))
    .map((t) => ({ t, ms: (t.ms ?? t.stoppedAfterMs) as number }))
    .sort((a, b) => a.ms - b.ms);
  // a page that promises the GPU says why it does not use it: a CPU winner is compared with the GPU
  const onGpu = (n: BackendName) => n === 'webgpu' || n === 'webgl';
  const gpu = others.find((o) => o.t.name === 'webgpu') ?? others.find((o) => o.t.name === 'webgl');
  const next = (!onGpu(result.winner) && gpu) || others[0];
  if (!win?.ms || !next) return { winner: result.winner };
  return {
    winner: result.winner,
    runnerUp: next.t.name,
    times: roundRatio(next.ms / win.ms),
    ...(next.t.ms === undefined ? { atLeast: true } : {}),
    ...(next.t.software ? { runnerUpSoftware: true } : {}),
  };
}

/** 40 rather than 40.3; 2.4 rather than 2. */
function roundRatio(r: number): number {
  return r >= 10 ? Math.round(r) : Math.max(1, Math.round(r * 10) / 10);
}
