/**
 * `npm run bench`: tfjs against its peers, in one run on this machine.
 *
 *   npm run bench                                  every backend, 64×64 and 224×224
 *   npm run bench -- --backends wasm --sizes 224   a subset (--runs N: timed runs per row;
 *                                                  --threads N: CPU threads, default all cores)
 *
 * Rows: tfjs in Chromium per backend (warm forward, fused, capture; the built app's cold
 * start and one step's draw), tfjs in Node on WASM, PyTorch on this CPU (training/
 * bench_torch.py, with $PYTHON, python3 or /usr/bin/python3, whichever imports torch),
 * ONNX Runtime Web's WASM and WebGPU providers (from training/onnx_export.py's files).
 * Prints one JSON line per measurement on stdout as it goes, then a table with ratios to
 * PyTorch and to ONNX Runtime Web; notices (skipped rows) go to stderr. Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { FusedNetwork, randomInput, traceForward } from '../model';
import { benchChromium } from './benchBrowser';
import { benchLesion, lesionTable } from './benchLesion';
import { benchLongTasks, longTaskTable, type LongTaskMeasurement } from './benchLongTask';
import {
  median,
  parseBenchArgs,
  type BenchOptions,
  type BenchSize,
  type Measurement,
  type TrainMeasurement,
} from './benchOptions';
import { benchTable } from './benchTable';
import { findPython, loadNetwork, REPO_ROOT, routeConsoleToStderr, startBackend } from './nodeSetup';
import { benchNets, benchTraining } from './benchTrain';
import { trainTable } from './benchTable';
import { RACE_BUDGETS } from '../explain/race/budgets';
import { benchLandscape, landscapeTable, type LandscapeMeasurement } from './benchLandscape';

const rows: Measurement[] = [];
function emit(m: Measurement): void {
  rows.push(m);
  process.stdout.write(JSON.stringify(m) + '\n');
}
const trainRows: TrainMeasurement[] = [];
function emitTrain(m: TrainMeasurement): void {
  trainRows.push(m);
  process.stdout.write(JSON.stringify(m) + '\n');
}
function notice(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

/** Median milliseconds of each job, run interleaved (so the machine's load falls on each alike). */
async function timeInterleaved(runs: number, jobs: readonly (() => Promise<void>)[]): Promise<number[]> {
  for (const f of jobs) await f(); // warm-up
  const times = jobs.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [j, f] of jobs.entries()) {
      const t0 = performance.now();
      await f();
      times[j]?.push(performance.now() - t0);
    }
  }
  return times.map(median);
}

/** tfjs in Node on WASM (single-threaded there): forward, fused, capture. */
async function benchNode(opts: BenchOptions): Promise<void> {
  const choice = await startBackend('wasm');
  if (choice.name !== 'wasm') return notice(`tfjs in Node: WASM did not start (${choice.attempts[0]?.error ?? ''})`);
  const { net } = await loadNetwork();
  const fused = FusedNetwork.fromPlan(net.plan());
  for (const size of opts.sizes) {
    const x = randomInput([1, 1, size, size], 0);
    const logits = (y: tf.Tensor) => y.data().then(() => y.dispose());
    const [forward, fusedMs, capture] = await timeInterleaved(opts.runs, [
      () => logits(net.forward(x)),
      () => logits(fused.forward(x)),
      async () => {
        const t = traceForward(net, x);
        await t.logits.data();
        t.dispose();
      },
    ]);
    const row = (what: Measurement['what'], ms: number | undefined) =>
      emit({ runtime: 'tfjs', where: 'node', backend: 'wasm', threads: 1, size, what, ms: ms ?? NaN, runs: opts.runs });
    row('forward', forward);
    row('fused', fusedMs);
    row('capture', capture);
    x.dispose();
  }
  fused.dispose();
  net.dispose();
}

function benchPyTorch(opts: BenchOptions): void {
  const python = findPython();
  if (!python) return notice('PyTorch: skipped, no Python that imports torch ($PYTHON, python3, /usr/bin/python3)');
  const threads = opts.threads;
  const run = spawnSync(
    python,
    [
      join(REPO_ROOT, 'training', 'bench_torch.py'),
      '--sizes',
      opts.sizes.join(','),
      '--runs',
      String(opts.runs),
      '--threads',
      String(threads),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (run.status !== 0)
    return notice(`PyTorch: skipped, training/bench_torch.py failed: ${run.stderr.trim().split('\n').pop()}`);
  for (const line of run.stdout.trim().split('\n')) {
    const r = JSON.parse(line) as { size: BenchSize; ms: number; runs: number; threads: number };
    emit({
      runtime: 'pytorch',
      where: 'python',
      backend: 'cpu',
      threads: r.threads,
      size: r.size,
      what: 'forward',
      ms: r.ms,
      runs: r.runs,
    });
  }
}

async function main(): Promise<void> {
  routeConsoleToStderr();
  const opts = parseBenchArgs(process.argv.slice(2));
  if (opts.parts.includes('forward')) {
    benchPyTorch(opts);
    if (opts.backends.includes('wasm')) await benchNode(opts);
    await benchChromium(opts, emit, notice);
    process.stdout.write(`\n${benchTable(rows)}\n`);
  }
  if (opts.parts.includes('train') || opts.parts.includes('verdict')) {
    await benchTraining(benchNets([RACE_BUDGETS.standard, RACE_BUDGETS.quick]), opts, emitTrain, notice);
    process.stdout.write(`\n${trainTable(trainRows)}\n`);
  }
  if (opts.parts.includes('longtask')) {
    const longRows: LongTaskMeasurement[] = [];
    const emitLong = (m: LongTaskMeasurement) => process.stdout.write(JSON.stringify(m) + '\n') && longRows.push(m);
    await benchLongTasks(opts, emitLong, notice);
    process.stdout.write(`\n${longTaskTable(longRows)}\n`);
  }
  if (opts.parts.includes('lesion')) {
    const lesionRows = await benchLesion((m) => process.stdout.write(JSON.stringify(m) + '\n'), notice);
    process.stdout.write(`\n${lesionTable(lesionRows)}\n`);
  }
  if (opts.parts.includes('landscape')) {
    const landscapeRows: LandscapeMeasurement[] = [];
    const emitLandscape = (m: LandscapeMeasurement) =>
      process.stdout.write(JSON.stringify(m) + '\n') && landscapeRows.push(m);
    await benchLandscape(opts, emitLandscape, notice);
    process.stdout.write(`\n${landscapeTable(landscapeRows)}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
