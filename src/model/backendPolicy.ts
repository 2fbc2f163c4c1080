/**
 * Which backends the page may start, and when. A software GPU adapter (SwiftShader,
 * llvmpipe, WARP…) draws on the same CPU cores as WebAssembly and takes seconds to start
 * and compile its shaders: started on the page's critical path it delays the first trace,
 * and timed later in the same worker it holds up every trace, read and step behind it. So
 * it is never started unless a link asks for it (`?backend=webgpu`); the page says it was
 * not timed, and why. Every chapter then runs on the one measured choice.
 *
 * Also the runtime's other rules: which backend to start (`chooseBackend`), the order to fall
 * back in after a lost device (`rankByTimings`), and when a failed trace is retried smaller
 * (`retrySize`).
 */
import { backendOrder, selectBackend, type BackendAttempt, type BackendLoader } from './backend';
import { raceBackends, type BackendTiming } from './backendRace';
import { BACKEND_ORDER, type BackendName } from './types';
import { MIN_INPUT_SIZE } from './inputSizes';

/** The backends to time before the first trace, and those left untimed (software adapters). */
export interface RacePlan {
  readonly timed: readonly BackendName[];
  readonly notTimed: readonly BackendName[];
}

/**
 * Split the race's order: `software[name]` marks a backend whose adapter is a software
 * rasteriser (read from the adapter's facts, which are quick to ask for).
 */
export function racePlan(order: readonly BackendName[], software: Partial<Record<BackendName, boolean>>): RacePlan {
  return { timed: order.filter((b) => !software[b]), notTimed: order.filter((b) => !!software[b]) };
}

/** The page's measured choice, as a second worker (an experiment, a race) receives it. */
export interface MeasuredChoice {
  readonly name: BackendName;
  /** Its adapter is a software rasteriser (only when a link asked for it). */
  readonly software: boolean;
}

/**
 * The backend another worker runs on: the page's measured choice where that worker can start
 * it; before the choice is known, or where it cannot, WebAssembly, then plain JavaScript.
 * Never a GPU backend the page did not choose (it may be a software adapter).
 */
export function followChoice(
  choice: MeasuredChoice | undefined,
  available: readonly BackendName[],
): { readonly order: readonly BackendName[]; readonly software: boolean } {
  const cpuSide = (['wasm', 'cpu'] as const).filter((b) => available.includes(b));
  if (choice && available.includes(choice.name))
    return { order: [choice.name, ...cpuSide.filter((b) => b !== choice.name)], software: choice.software };
  return { order: cpuSide, software: false };
}

/** A measured choice the page keeps (localStorage), valid while `key` (browser and adapters) is unchanged. */
export interface RememberedChoice {
  readonly key: string;
  readonly name: BackendName;
  readonly timings: readonly BackendTiming[];
  /** The input size the race was timed at. */
  readonly size: number;
}

/** Fallback order after a race: fastest measured first, then the unmeasured in the usual order. */
export function rankByTimings(timings: readonly BackendTiming[]): BackendName[] {
  const measured = timings
    .filter((t) => t.ms !== undefined || t.stoppedAfterMs !== undefined)
    .sort((a, b) => (a.ms ?? a.stoppedAfterMs ?? 0) - (b.ms ?? b.stoppedAfterMs ?? 0))
    .map((t) => t.name);
  return [...measured, ...BACKEND_ORDER.filter((b) => !measured.includes(b))];
}

/** The race's order: WASM first gives a baseline the others must beat. */
export const RACE_ORDER: readonly BackendName[] = ['wasm', 'webgpu', 'webgl', 'cpu'];

/** What the page asks for: a backend by name, or `auto` (remembered, else measured). */
export interface BackendRequest {
  readonly backend: BackendName | 'auto';
  readonly remembered?: RememberedChoice;
  /** The size to time the race at (0: the weights' training size, asked for only when a race runs). */
  readonly size: number;
}

/** This browser's facts: its adapters' key, and which GPU backends are software rasterisers. */
export interface AdapterFacts {
  readonly key: string;
  readonly software: Partial<Record<BackendName, boolean>>;
}

/** The backend chosen, why, and the order to fall back in after a lost device. */
export interface BackendDecision {
  readonly name: BackendName;
  readonly reason: 'measured' | 'remembered' | 'requested';
  readonly requested?: BackendName;
  readonly attempts: readonly BackendAttempt[];
  readonly timings?: readonly BackendTiming[];
  readonly raceSize?: number;
  /** Software adapters left untimed. */
  readonly notTimed?: readonly BackendName[];
  /** Backends to fall back to, best first. */
  readonly ranking: readonly BackendName[];
}

/**
 * Choose and start the backend: the one a link asks for; else the remembered choice while
 * the adapters are unchanged and it still starts; else a race of every backend that is not
 * a software adapter. tfjs runs on the choice when this resolves.
 */
export async function chooseBackend(
  loaders: Partial<Record<BackendName, BackendLoader>>,
  req: BackendRequest,
  adapters: AdapterFacts,
  trainedSize: () => Promise<number>,
): Promise<BackendDecision> {
  if (req.backend !== 'auto') {
    const choice = await selectBackend(loaders, req.backend);
    return {
      name: choice.name,
      reason: 'requested',
      requested: req.backend,
      attempts: choice.attempts,
      ranking: backendOrder(req.backend),
    };
  }
  const remembered = req.remembered?.key === adapters.key ? req.remembered : undefined;
  if (remembered) {
    try {
      const choice = await selectBackend({ [remembered.name]: loaders[remembered.name] }, remembered.name);
      return {
        name: choice.name,
        reason: 'remembered',
        attempts: [],
        timings: remembered.timings,
        raceSize: remembered.size,
        ranking: rankByTimings(remembered.timings),
      };
    } catch {
      // it no longer starts: measure again
    }
  }
  const size = req.size || (await trainedSize());
  // a software adapter is never started here: it would delay the first trace, or every trace after it
  const plan = racePlan(RACE_ORDER, adapters.software);
  const race = await raceBackends(loaders, plan.timed, { size, software: adapters.software });
  return {
    name: race.winner,
    reason: 'measured',
    attempts: [],
    timings: race.timings,
    raceSize: size,
    ...(plan.notTimed.length > 0 ? { notTimed: plan.notTimed } : {}),
    ranking: rankByTimings(race.timings),
  };
}

/** Errors that mean the device could not hold the trace: worth a retry at a smaller size. */
export function isOutOfMemory(e: unknown): boolean {
  return /out of memory|could not allocate|allocation failed|\boom\b/i.test(e instanceof Error ? e.message : String(e));
}

/** The size to retry at after `e` (half, not under the minimum), or undefined: no retry. */
export function retrySize(e: unknown, size: number): number | undefined {
  if (!isOutOfMemory(e) || size <= MIN_INPUT_SIZE) return undefined;
  return Math.max(MIN_INPUT_SIZE, Math.round(size / 2));
}
