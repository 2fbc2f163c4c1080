/**
 * The bench's training rows (`--parts train,verdict`): one SGD step of the race's networks in
 * tfjs (Node on WASM and CPU; Chromium on each backend, on the test-only training page) and in
 * PyTorch (denormals flushed, said in the row), side by side in one run; and the built app's
 * time from Start to the race's verdict with the page's own choice of backend and budget.
 * Each row records the machine's load average.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { TrainPage } from './benchPages';
import { estimateRaceSeconds, RACE_BUDGET_IDS, RACE_BUDGETS, type ProbeSpeed } from '../explain/race/budgets';
import { decodeRaceData, RACE_DATA_FILE } from '../explain/race/data';
import { timeTrainStep } from '../explain/race/stepTiming';
import type { RaceFamily, RaceNetSpec } from '../model/raceNet';
import { withChromium, type ChromiumSession } from './benchBrowser';
import type { BenchOptions, TrainMeasurement } from './benchOptions';
import { findPython, REPO_ROOT, startBackend } from './nodeSetup';

type Emit = (m: TrainMeasurement) => void;
type Notice = (line: string) => void;

/** A network as the bench names it, with its batch. */
export interface TrainNet {
  readonly spec: RaceNetSpec;
  readonly batch: number;
}

export const netName = (t: TrainNet) => `${t.spec.family}-${t.spec.n} w${t.spec.width} b${t.batch}`;

/** The networks the train-step rows time: each family at the depths and widths the race's budgets use. */
export function benchNets(budgets: readonly { ns: readonly number[]; width: number; batch: number }[]): TrainNet[] {
  const seen = new Map<string, TrainNet>();
  for (const b of budgets)
    for (const n of b.ns)
      for (const family of ['plain', 'residual'] as RaceFamily[]) {
        const t = { spec: { family, n, width: b.width }, batch: b.batch };
        seen.set(netName(t), t);
      }
  return [...seen.values()];
}

/** Time spent on one row group before it stops at fewer runs (the CPU backend takes seconds a step). */
const BUDGET_MS = 45_000;
const load = () => Math.round(loadavg()[0]! * 100) / 100;

async function nodeRows(nets: readonly TrainNet[], opts: BenchOptions, emit: Emit, notice: Notice): Promise<void> {
  const data = decodeRaceData(new Uint8Array(readFileSync(join(REPO_ROOT, 'public', RACE_DATA_FILE))));
  for (const backend of ['wasm', 'cpu'] as const) {
    if (!opts.backends.includes(backend)) continue;
    const choice = await startBackend(backend);
    if (choice.name !== backend) {
      notice(`train-step in Node on ${backend}: skipped, it did not start`);
      continue;
    }
    for (const t of nets) {
      const r = await timeTrainStep(data.train, t.spec, t.batch, opts.runs, BUDGET_MS);
      emit({
        runtime: 'tfjs',
        where: 'node',
        backend,
        threads: 1,
        what: 'train-step',
        net: netName(t),
        ms: r.ms,
        runs: r.all.length,
        loadAverage: load(),
      });
    }
  }
}

function pytorchRows(nets: readonly TrainNet[], opts: BenchOptions, emit: Emit, notice: Notice): void {
  const python = findPython();
  if (!python) return notice('PyTorch train-step: skipped, no Python that imports torch');
  const names = nets.map((t) => `${t.spec.family}-${t.spec.n}-${t.spec.width}-${t.batch}`).join(',');
  // one thread, as tfjs in Node; and every core, as tfjs's threaded WebAssembly in Chromium
  for (const threads of [...new Set([1, opts.threads])]) {
    const script = join(REPO_ROOT, 'training', 'bench_train_torch.py');
    const args = [script, '--nets', names, '--runs', String(opts.runs), '--threads', String(threads)];
    const run = spawnSync(python, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (run.status !== 0) {
      notice(`PyTorch train-step: skipped, ${run.stderr.trim().split('\n').pop()}`);
      continue;
    }
    for (const line of run.stdout.trim().split('\n')) {
      const r = JSON.parse(line) as {
        family: RaceFamily;
        n: number;
        width: number;
        batch: number;
        ms: number;
        runs: number;
        threads: number;
        flushDenormals: boolean;
      };
      const net = netName({ spec: { family: r.family, n: r.n, width: r.width }, batch: r.batch });
      const note = r.flushDenormals ? 'denormals flushed' : 'denormals kept';
      emit({
        runtime: 'pytorch',
        where: 'python',
        backend: 'cpu',
        threads: r.threads,
        what: 'train-step',
        net,
        ms: r.ms,
        runs: r.runs,
        loadAverage: load(),
        note,
      });
    }
  }
}

async function chromiumRows(
  s: ChromiumSession,
  nets: readonly TrainNet[],
  opts: BenchOptions,
  emit: Emit,
  notice: Notice,
) {
  for (const backend of opts.backends) {
    const page = await s.browser.newPage();
    try {
      await page.goto(`${s.pages.url}e2e/pages/train.html`);
      await page.waitForFunction(() => document.body.dataset['ready'] === 'true', null, { timeout: 120_000 });
      const started = await page.evaluate(
        ([b, t]) => (window as unknown as { trainPage: TrainPage }).trainPage.start(b, t),
        [backend, backend === 'wasm' ? opts.threads : undefined] as const,
      );
      if (started.backend !== backend) throw new Error(`it ran on ${started.backend}`);
      for (const t of nets) {
        const r = await page.evaluate(
          ([spec, batch, runs, budget]) =>
            (window as unknown as { trainPage: TrainPage }).trainPage.time(spec, batch, runs, budget),
          [t.spec, t.batch, opts.runs, BUDGET_MS] as const,
        );
        emit({
          runtime: 'tfjs',
          where: 'chromium',
          backend,
          threads: started.threads,
          what: 'train-step',
          net: netName(t),
          ms: r.ms,
          runs: r.all.length,
          loadAverage: load(),
        });
      }
    } catch (e) {
      notice(`train-step in Chromium on ${backend}: skipped (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      await page.close();
    }
  }
}

/**
 * What the verdict row says beside its seconds: the steps, how long measuring and training took,
 * what the page estimated before training, and every budget's estimate at the measured speed
 * (so a reader sees whether the page's choice was the largest that fits).
 */
export function verdictNote(
  steps: number,
  times: { estimatedSeconds: number | null; trainingSeconds: number; measuringSeconds: number | null },
  speed: ProbeSpeed | null,
): string {
  const s = (x: number) => `${Math.round(x)} s`;
  const parts = [`${steps} steps`];
  if (times.measuringSeconds !== null) parts.push(`measuring ${s(times.measuringSeconds)}`);
  parts.push(`training ${s(times.trainingSeconds)}`);
  if (times.estimatedSeconds !== null) {
    parts.push(`estimated ${s(times.estimatedSeconds)}`);
    // how far the probe's estimate was off (issue 18: 298 s estimated against 127 s once)
    if (times.trainingSeconds > 0)
      parts.push(`estimate/training ${(times.estimatedSeconds / times.trainingSeconds).toFixed(2)}`);
  }
  if (speed)
    parts.push(
      `estimates: ${RACE_BUDGET_IDS.map((id) => `${id} ${s(estimateRaceSeconds(RACE_BUDGETS[id], speed))}`).join(', ')}`,
    );
  return parts.join('; ');
}

/**
 * The built app on its default URL, as a student opens it: Start the race, wait for the verdict
 * ("Finished N steps on …"), and read the page's own choice of backend and budget from its
 * "Download the run" JSON. Seconds from the click to the verdict.
 */
export async function raceVerdictRow(s: ChromiumSession, emit: Emit, notice: Notice): Promise<void> {
  const app = await s.app();
  if (!app) return notice('race-verdict: skipped, no built app (run npm run build first)');
  const page = await s.browser.newPage({ viewport: { width: 1366, height: 768 } });
  try {
    await page.goto(`${app.url}#/race`);
    const start = page.getByRole('button', { name: 'Start the race' });
    await start.waitFor({ timeout: 120_000 });
    // enabled once the race's images are loaded
    await page.waitForFunction((b) => !(b as HTMLButtonElement).disabled, await start.elementHandle());
    const t0 = Date.now();
    await start.click();
    await page.getByText(/^Finished \d+ steps? on /).waitFor({ timeout: 30 * 60_000 });
    const seconds = (Date.now() - t0) / 1000;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'JSON' }).click(),
    ]);
    const run = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      backend: TrainMeasurement['backend'];
      budget: string;
      config: { steps: number };
      probeSpeed: ProbeSpeed | null;
      times: { estimatedSeconds: number | null; trainingSeconds: number; measuringSeconds: number | null };
    };
    emit({
      runtime: 'tfjs',
      where: 'chromium',
      backend: run.backend,
      threads: 0, // the page's own choice; unknown here
      what: 'race-verdict',
      net: `budget ${run.budget} (the page's choice)`,
      ms: seconds * 1000,
      runs: 1,
      loadAverage: load(),
      note: verdictNote(run.config.steps, run.times, run.probeSpeed),
    });
  } catch (e) {
    notice(`race-verdict: skipped (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    await page.close();
  }
}

/** The training rows the options ask for. */
export async function benchTraining(
  nets: readonly TrainNet[],
  opts: BenchOptions,
  emit: Emit,
  notice: Notice,
): Promise<void> {
  if (opts.parts.includes('train')) {
    pytorchRows(nets, opts, emit, notice);
    await nodeRows(nets, opts, emit, notice);
  }
  await withChromium(async (s) => {
    if (opts.parts.includes('train')) await chromiumRows(s, nets, opts, emit, notice);
    if (opts.parts.includes('verdict')) await raceVerdictRow(s, emit, notice);
  });
}
