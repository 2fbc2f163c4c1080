/**
 * The messages between the page and the model worker (src/workers/modelWorker.ts), which
 * owns the ResNet-18, the current trace and its tensors. Requests that expect an answer
 * carry an `id`; the worker answers each with one `reply` or `replyError`.
 */
import type { InputSource } from '../explain/stepper/inputs';
import type { TraceResult } from '../explain/stepper/traceTypes';
import type { BackendAttempt } from '../model/backend';
import type { BackendTiming } from '../model/backendRace';
import type { RememberedChoice } from '../model/backendPolicy';
import type { BackendName, PlainTensor, WeightsSource } from '../model/types';
import type { ForwardTiming } from '../model/timing';
import type { ArchId } from '../model/variants';
import type { WeightsProblem } from '../model/weights';
import type { LesionRequest, LesionTable } from './lesionRunner';

export type { RememberedChoice };

/** A file the person chose (their own weights), read on the page and handed to the worker. */
export interface WeightsFile {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

/** Why the worker runs on the backend it runs on. */
export type BackendReason = 'measured' | 'remembered' | 'requested' | 'deviceLost';

/** The backend the worker runs on, with everything the status line says about it. */
export interface RuntimeBackend {
  readonly name: BackendName;
  readonly reason: BackendReason;
  /** `?backend=`, when the link asks for one. */
  readonly requested?: BackendName;
  /** Backends tried before this one, and why they failed (requested or after a lost device). */
  readonly attempts: readonly BackendAttempt[];
  /** The race's timings (measured or remembered), and the input size they were timed at. */
  readonly timings?: readonly BackendTiming[];
  readonly raceSize?: number;
  /** It runs on a software adapter. */
  readonly software: boolean;
  /** WebAssembly's threads. */
  readonly threads?: number;
  /** Browser and adapters, the key a measured choice is remembered under. */
  readonly adapterKey: string;
  /**
   * Software adapters left untimed: started, they would hold up the traces (see
   * src/model/backendPolicy.ts); a link can still ask for one.
   */
  readonly notTimed?: readonly BackendName[];
}

/** The worker's `tf.memory()`. */
export interface MemoryStats {
  readonly tensors: number;
  readonly bytes: number;
}

/** The test hook's actions (see `window.__resnetTestHook`); none happens in normal use. */
export type TestHookAction =
  | { readonly kind: 'loseDevice' }
  | { readonly kind: 'slowOps'; readonly ms: number }
  | { readonly kind: 'failNextAllocation' }
  | { readonly kind: 'stats' };

/** What the test hook reports: how many traces started, ran to the end, reached the page, and on what. */
export interface HookStats {
  /** Traces handed to the page. */
  readonly traces: number;
  readonly tracesStarted: number;
  /** Forward passes that ran to the end, whether or not the page still wanted them. */
  readonly tracesComputed: number;
  /** The input and size of the last trace handed to the page, e.g. `rand:5 @ 64`. */
  readonly lastTraced?: string;
  /** Tensors the page has read from traces (each crosses from the worker once). */
  readonly reads: number;
  readonly backend?: BackendName;
  readonly memory: MemoryStats;
  /** Every backend the worker started, in order. */
  readonly backendsStarted: readonly BackendName[];
}

/** Page → worker. */
export type ModelRequest =
  | {
      readonly type: 'start';
      readonly backend: BackendName | 'auto';
      readonly modelUrl: string;
      /** The variant to build (trained when `shippedModel(arch)` lists it, else untrained); `modelUrl` is its model.json. */
      readonly arch: ArchId;
      /** The page's input size, to time the race at (0: the weights' training size). */
      readonly size: number;
      readonly remembered?: RememberedChoice;
      /**
       * The page has no `navigator.gpu` (a browser, or a test, that turns WebGPU off for the page):
       * the worker does not try it either.
       */
      readonly pageWithoutWebGPU?: boolean;
    }
  | {
      readonly type: 'setInput';
      readonly request: number;
      readonly input: InputSource;
      readonly size: number;
      /** A residual block to step through removed (the lesion study). */
      readonly removed?: string;
    }
  | { readonly type: 'read'; readonly id: number; readonly trace: number; readonly path: string }
  | { readonly type: 'globalRange'; readonly id: number; readonly trace: number }
  | { readonly type: 'memory'; readonly id: number }
  /** Time one forward pass of `arch` at `size` on the worker's backend (random weights: nothing is downloaded). */
  | { readonly type: 'timeVariant'; readonly id: number; readonly arch: ArchId; readonly size: number }
  /** Run on the person's own weights (`files`), or on the shipped ones again (`null`); the current input is traced again. */
  | { readonly type: 'useWeights'; readonly id: number; readonly files: readonly WeightsFile[] | null }
  | { readonly type: 'testHook'; readonly id: number; readonly action: TestHookAction }
  /** The lesion study (src/model/lesion.ts) on the network in use; `cancelLesion` stops it. */
  | LesionRequest
  | { readonly type: 'cancelLesion' };

/** A finished trace: plain data, its tensors stay in the worker under the number `trace`. */
export interface TracedMessage {
  readonly type: 'traced';
  /** The `setInput` it answers (a trace after a lost device answers the latest again). */
  readonly request: number;
  readonly trace: number;
  readonly result: TraceResult;
  readonly backend: BackendName;
  readonly probabilities: readonly number[];
  readonly memory: MemoryStats;
}

/** Worker → page. */
export type ModelEvent =
  | { readonly type: 'backend'; readonly backend: RuntimeBackend }
  | { readonly type: 'weightsProgress'; readonly fraction: number }
  | {
      readonly type: 'ready';
      readonly source: WeightsSource;
      /** The variant the weights in use belong to. */
      readonly arch: ArchId;
      readonly problem?: WeightsProblem;
      /** Trained weights whose model.json records no checksums: loaded unchecked. */
      readonly unverified?: boolean;
    }
  | { readonly type: 'deviceLost'; readonly reason: string }
  | { readonly type: 'failed'; readonly message: string }
  | {
      readonly type: 'progress';
      readonly request: number;
      readonly done: number;
      readonly total: number;
      readonly path: string;
    }
  | TracedMessage
  | { readonly type: 'traceFailed'; readonly request: number; readonly stale: boolean; readonly message: string }
  /** The device could not hold the trace at `from`: it is traced again at `to`. */
  | {
      readonly type: 'downsized';
      readonly request: number;
      readonly from: number;
      readonly to: number;
      readonly reason: string;
    }
  | {
      readonly type: 'reply';
      readonly id: number;
      readonly value: PlainTensor | RangeValue | MemoryStats | HookStats | ForwardTiming | LesionTable | null;
    }
  | { readonly type: 'lesionProgress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: 'replyError'; readonly id: number; readonly stale: boolean; readonly message: string };

export interface RangeValue {
  readonly min: number;
  readonly max: number;
}
