/**
 * `npm run bench` options and the shape of one measurement (one JSON line each).
 *
 *   --backends webgpu,webgl,wasm,cpu   which backends (default: all)
 *   --sizes 64,224                      which input sizes (default: both)
 *   --runs N                            timed runs per warm measurement (default 5)
 *   --threads N                         CPU threads for PyTorch, ONNX Runtime Web's and tfjs's
 *                                       WebAssembly in Chromium (default: this machine's cores)
 *   --parts forward,train,verdict,longtask,lesion  which groups of rows (default: all): the forward pass,
 *                                       the race's training step, the race's time to its verdict,
 *                                       the app's longest main-thread task (CPU throttled 4×),
 *                                       the lesion study's seconds (Node WASM and the built app), the
 *                                       race's loss landscape (src/cli/benchLandscape.ts)
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

export const BENCH_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BenchBackend = (typeof BENCH_BACKENDS)[number];
export const BENCH_SIZES = [64, 224] as const;
export type BenchSize = (typeof BENCH_SIZES)[number];

/** One measurement: a JSON line of the bench's output. */
export interface Measurement {
  readonly runtime: 'tfjs' | 'onnxruntime-web' | 'pytorch';
  readonly where: 'chromium' | 'node' | 'python';
  readonly backend: BenchBackend;
  readonly threads: number;
  readonly size: BenchSize;
  readonly what: 'forward' | 'fused' | 'capture' | 'cold-start' | 'step-draw';
  /** The median, in milliseconds. */
  readonly ms: number;
  readonly runs: number;
  /**
   * How the app's backend was set: `requested` (`?backend=`), or `measured` for the default
   * page's cold start, which races the backends first and reports the one it chose.
   */
  readonly choice?: 'requested' | 'measured';
}

export const BENCH_PARTS = ['forward', 'train', 'verdict', 'longtask', 'lesion', 'landscape'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export interface BenchOptions {
  readonly backends: readonly BenchBackend[];
  readonly sizes: readonly BenchSize[];
  readonly runs: number;
  readonly threads: number;
  readonly parts: readonly BenchPart[];
}

/** One training measurement of the race (a JSON line of the bench's output). */
export interface TrainMeasurement {
  readonly runtime: 'tfjs' | 'pytorch';
  readonly where: 'chromium' | 'node' | 'python';
  readonly backend: BenchBackend;
  readonly threads: number;
  /**
   * `train-step`: the median milliseconds of one SGD step of `net`; `race-verdict`: seconds from
   * Start to the verdict in the built app (`ms` holds them in milliseconds).
   */
  readonly what: 'train-step' | 'race-verdict';
  /** `plain-1 w4 b32`: family, blocks per stage, width and batch; or the race's budget. */
  readonly net: string;
  readonly ms: number;
  readonly runs: number;
  /** The machine's 1-minute load average when the row was taken (2 cores here). */
  readonly loadAverage: number;
  /** Anything the row needs said, e.g. that PyTorch flushed denormals. */
  readonly note?: string;
}

/** A comma-separated list, each item one of `allowed`; throws a message naming the flag. */
function listOf<T extends string | number>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(',').map((s) => s.trim());
  const out: T[] = [];
  for (const item of items) {
    const match = allowed.find((a) => String(a) === item);
    if (match === undefined) {
      throw new Error(`--${flag} takes ${allowed.join(', ')} (comma-separated); "${item}" is not one of them`);
    }
    if (!out.includes(match)) out.push(match);
  }
  return out;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        backends: { type: 'string' },
        sizes: { type: 'string' },
        runs: { type: 'string' },
        threads: { type: 'string' },
        parts: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new Error(
      `${why} (options: --backends webgpu,webgl,wasm,cpu --sizes 64,224 --runs N --threads N --parts ${BENCH_PARTS.join(',')})`,
    );
  }
  const { backends, sizes, runs, threads, parts } = parsed.values;
  const runCount = runs === undefined ? 5 : Number(runs);
  if (!Number.isInteger(runCount) || runCount < 1 || runCount > 100) {
    throw new Error(`--runs takes a whole number from 1 to 100; "${runs}" is not one`);
  }
  const threadCount = threads === undefined ? availableParallelism() : Number(threads);
  if (!Number.isInteger(threadCount) || threadCount < 1 || threadCount > 64) {
    throw new Error(`--threads takes a whole number from 1 to 64; "${threads}" is not one`);
  }
  return {
    threads: threadCount,
    backends: backends === undefined ? [...BENCH_BACKENDS] : listOf('backends', backends, BENCH_BACKENDS),
    sizes: sizes === undefined ? [...BENCH_SIZES] : listOf('sizes', sizes, BENCH_SIZES),
    runs: runCount,
    parts: parts === undefined ? [...BENCH_PARTS] : listOf('parts', parts, BENCH_PARTS),
  };
}

/** The median of some timings. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}
