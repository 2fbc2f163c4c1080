/**
 * Which backend the race trains on, chosen fairly: each candidate trains the probe network
 * in a runtime of its own (a worker the caller stops when the limit passes, so its work
 * does not slow the next one), in an order that times likely winners first. Plain logic,
 * tested with stand-in probes.
 */
import type { BackendName } from '../../model/types';

/** Why a probe gave no time; the page words each one. */
export type ProbeFailure = 'timeout' | 'unavailable' | 'cannotTrain' | 'failed' | 'skipped';

export interface BackendMeasurement {
  readonly name: BackendName;
  /** Milliseconds per training step of the probe network; absent when it did not train. */
  readonly msPerStep?: number;
  /** Milliseconds from starting the probe to its result (start-up, warm-up and timing). */
  readonly wallMs?: number;
  readonly failure?: ProbeFailure;
  /** With `timeout`: the limit it ran past, in ms. */
  readonly limitMs?: number;
  /** The software adapter it ran on (SwiftShader, llvmpipe…). */
  readonly software?: boolean;
}

/** Runs the probe on one backend; resolves with its speed or rejects with `ProbeError`. */
export type ProbeRunner = (name: BackendName, limitMs: number | undefined) => Promise<{ msPerStep: number }>;

export class ProbeError extends Error {
  constructor(
    readonly failure: ProbeFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The first probe's limit: no earlier time to compare with. */
export const FIRST_PROBE_LIMIT_MS = 60_000;
/** Later probes may take this many times the fastest whole probe so far… */
export const PROBE_LIMIT_FACTOR = 3;
/** …but never less than this (starting WebAssembly or a GPU context takes seconds). */
export const MIN_PROBE_LIMIT_MS = 10_000;
/**
 * Plain JavaScript starts at once (its worker in about a second), so its floor is lower: with
 * the 10 s floor, after WebAssembly's 1–2 s probe, the CPU backend's probe ran 10 s of the
 * 12 s the race measured for, only to lose 20-fold (now 6 s of 8).
 */
export const CPU_MIN_PROBE_LIMIT_MS = 2_000;

const GPU: readonly BackendName[] = ['webgpu', 'webgl'];

/**
 * The order to time backends in: hardware GPU backends, WebAssembly, the CPU, and GPU
 * backends on a software adapter last. A requested backend goes first.
 */
export function probeOrder(
  available: readonly BackendName[],
  software: Partial<Record<BackendName, boolean>>,
  requested?: BackendName,
): BackendName[] {
  const rank = (b: BackendName) =>
    b === requested ? -1 : GPU.includes(b) ? (software[b] ? 4 : 0) : b === 'wasm' ? 1 : b === 'cpu' ? 2 : 3;
  return [...available].sort((a, b) => rank(a) - rank(b));
}

/** The limit of the next probe, from the fastest whole probe so far (undefined: no limit). */
export function probeLimit(
  bestWallMs: number | undefined,
  lastResort: boolean,
  floorMs = MIN_PROBE_LIMIT_MS,
): number | undefined {
  // the CPU (or whatever is left) is waited for when nothing has trained: a slow race beats none
  if (bestWallMs === undefined) return lastResort ? undefined : FIRST_PROBE_LIMIT_MS;
  return Math.min(FIRST_PROBE_LIMIT_MS, Math.max(floorMs, PROBE_LIMIT_FACTOR * bestWallMs));
}

/**
 * Time each candidate in order and return the fastest. A requested backend that trains is
 * taken without timing the others. A software adapter is skipped once a hardware GPU or
 * WebAssembly has trained. Throws only when no candidate trained.
 */
export async function chooseByProbing(opts: {
  readonly candidates: readonly BackendName[];
  readonly software: Partial<Record<BackendName, boolean>>;
  readonly requested?: BackendName;
  readonly probe: ProbeRunner;
  readonly now?: () => number;
}): Promise<{ chosen: BackendName; measurements: BackendMeasurement[] }> {
  const now = opts.now ?? (() => performance.now());
  const order = probeOrder(opts.candidates, opts.software, opts.requested);
  const measurements: BackendMeasurement[] = [];
  let best: { name: BackendName; msPerStep: number } | undefined;
  let bestWallMs: number | undefined;
  for (const [i, name] of order.entries()) {
    const software = opts.software[name] ? { software: true } : {};
    const trainedFast = measurements.some((m) => m.msPerStep !== undefined && !m.software && m.name !== 'cpu');
    if (software.software && trainedFast) {
      measurements.push({ name, failure: 'skipped', ...software });
      continue;
    }
    const lastResort = name === 'cpu' || i === order.length - 1;
    const limitMs = probeLimit(
      bestWallMs,
      lastResort && !best,
      name === 'cpu' ? CPU_MIN_PROBE_LIMIT_MS : MIN_PROBE_LIMIT_MS,
    );
    const t0 = now();
    try {
      const { msPerStep } = await opts.probe(name, limitMs);
      const wallMs = now() - t0;
      measurements.push({ name, msPerStep, wallMs, ...software });
      bestWallMs = Math.min(bestWallMs ?? Infinity, wallMs);
      if (!best || msPerStep < best.msPerStep) best = { name, msPerStep };
      if (name === opts.requested) break;
    } catch (e) {
      const failure = e instanceof ProbeError ? e.failure : 'failed';
      measurements.push({ name, failure, ...(failure === 'timeout' && limitMs ? { limitMs } : {}), ...software });
    }
  }
  if (!best) throw new ProbeError('failed', 'no backend could train');
  return { chosen: best.name, measurements };
}

/** Sort a failure out of an error's text (tfjs words a missing kernel "Kernel 'X' not registered"). */
export function failureOf(message: string): ProbeFailure {
  if (/kernel .*not registered|not implemented|backpropfilter/i.test(message)) return 'cannotTrain';
  if (/not available|no webgpu|no gpu adapter|could not start|navigator\.gpu/i.test(message)) return 'unavailable';
  return 'failed';
}
