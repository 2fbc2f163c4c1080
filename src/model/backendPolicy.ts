/**
 * Which backends the page may start, and when. A software GPU adapter (SwiftShader,
 * llvmpipe, WARP…) draws on the same CPU cores as WebAssembly and takes seconds to start
 * and compile its shaders: started on the page's critical path it delays the first trace,
 * and timed later in the same worker it holds up every trace, read and step behind it. So
 * it is never started unless a link asks for it (`?backend=webgpu`); the page says it was
 * not timed, and why. Every chapter then runs on the one measured choice.
 */
import type { BackendName } from './types';

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
