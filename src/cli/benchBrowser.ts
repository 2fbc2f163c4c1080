/**
 * The bench's Chromium rows: tfjs per backend on the test-only model page (warm forward,
 * fused, capture), ONNX Runtime Web on the bench-only page (WASM and WebGPU providers), and
 * the built app itself (cold start, one step's draw). Every server and browser it starts is
 * in-process or a Playwright browser, and is stopped before it returns.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { ModelPage, OrtPage, Timed } from './benchPages';
import type { BenchOptions, Measurement } from './benchOptions';
import { BENCH_BACKENDS, median } from './benchOptions';
import { startAppPreview, startPagesServer, REPO_ROOT, type RunningServer } from './pageServer';

const CHROMIUM_ARGS = ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--no-first-run'];
const TRACE_LINE = /Traced \d+ operations in \d+ ms on/;
/**
 * Time spent on one row group (a backend at a size) before it stops at fewer runs (at least
 * one): software WebGPU takes seconds per pass, and the run count is in every JSON line.
 */
const BUDGET_MS = 60_000;

/** The ONNX file `training/onnx_export.py` writes for one input size (kept out of git). */
export const onnxFile = (size: number) => join(REPO_ROOT, 'training', 'checkpoints', `resnet18-fmnist-${size}.onnx`);

/** What is running now, closed on the way out, also on Ctrl-C or a kill. */
const running = new Set<{ close(): Promise<void> }>();
async function closeAll(): Promise<void> {
  await Promise.allSettled([...running].map((r) => r.close()));
  running.clear();
}
function onSignal(): void {
  void closeAll().then(() => process.exit(130));
}

type Emit = (m: Measurement) => void;
type Notice = (line: string) => void;

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset['ready'] === 'true', null, { timeout: 120_000 });
  return page;
}

async function tfjsRows(browser: Browser, pages: RunningServer, opts: BenchOptions, emit: Emit, notice: Notice) {
  const cores = opts.threads;
  for (const backend of opts.backends) {
    const page = await openPage(browser, `${pages.url}e2e/pages/model.html`);
    try {
      const started = await page.evaluate(
        ([b, t]) => (window as unknown as { modelPage: ModelPage }).modelPage.start(b, t),
        [backend, backend === 'wasm' ? cores : undefined] as const,
      );
      if (started.backend !== backend) throw new Error(`it ran on ${started.backend}`);
      for (const size of opts.sizes) {
        const timed = await page.evaluate(
          ([w, s, n, b]) => (window as unknown as { modelPage: ModelPage }).modelPage.time(w, s, n, b),
          [['forward', 'fused', 'capture'] satisfies Timed[], size, opts.runs, BUDGET_MS] as const,
        );
        for (const r of timed) {
          emit({
            runtime: 'tfjs',
            where: 'chromium',
            backend,
            threads: started.threads,
            size,
            what: r.what === 'capture-sync' ? 'capture' : r.what,
            ms: r.ms,
            runs: r.all.length,
          });
        }
      }
    } catch (e) {
      notice(`tfjs in Chromium on ${backend}: skipped (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      await page.close();
    }
  }
}

async function ortRows(browser: Browser, pages: RunningServer, opts: BenchOptions, emit: Emit, notice: Notice) {
  const threads = opts.threads;
  for (const provider of (['wasm', 'webgpu'] as const).filter((p) => opts.backends.includes(p))) {
    for (const size of opts.sizes) {
      if (!existsSync(onnxFile(size))) {
        notice(
          `ONNX Runtime Web ${size}×${size}: skipped, no ${onnxFile(size)} (make it: /usr/bin/python3 training/onnx_export.py)`,
        );
        continue;
      }
      const page = await openPage(browser, `${pages.url}e2e/pages/ort.html`);
      try {
        await page.evaluate(([url, p, t]) => (window as unknown as { ortPage: OrtPage }).ortPage.start(url, p, t), [
          `/training/checkpoints/resnet18-fmnist-${size}.onnx`,
          provider,
          threads,
        ] as const);
        const r = await page.evaluate(
          ([s, n, b]) => (window as unknown as { ortPage: OrtPage }).ortPage.time(s, n, b),
          [size, opts.runs, BUDGET_MS] as const,
        );
        emit({
          runtime: 'onnxruntime-web',
          where: 'chromium',
          backend: provider,
          threads: provider === 'wasm' ? threads : 1,
          size,
          what: 'forward',
          ms: r.ms,
          runs: r.all.length,
        });
      } catch (e) {
        notice(`ONNX Runtime Web on ${provider} at ${size}: skipped (${e instanceof Error ? e.message : String(e)})`);
      } finally {
        await page.close();
      }
    }
  }
}

/**
 * Cold start: from navigation to the first finished trace, weights included, in a fresh
 * browser context (nothing cached), read when the app's timing line appears. Kept in this
 * one function so it follows the app when its runtime moves (e.g. into a worker).
 */
export async function coldStart(
  browser: Browser,
  url: string,
): Promise<{ ms: number; backend: string; threads: number }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction(
      (source) => (new RegExp(source).test(document.body.textContent ?? '') ? performance.now() : false),
      TRACE_LINE.source,
      { timeout: 240_000, polling: 'raf' },
    );
    const ms = (await handle.jsonValue()) as number;
    const badge = page.getByRole('status', { name: /Runs on/ });
    const backend = (await badge.getAttribute('data-backend')) ?? '?';
    // the status line names its WebAssembly threads where the app shows them; else one
    const threads = Number(/(\d+) threads?/.exec((await badge.textContent()) ?? '')?.[1] ?? 1);
    return { ms, backend, threads };
  } finally {
    await context.close();
  }
}

/** Up to three cold starts of `url` (fewer once the row group's budget is spent): their median, and where the last ran. */
async function coldStarts(
  browser: Browser,
  url: string,
  runs: number,
): Promise<{ times: number[]; backend: string; threads: number }> {
  const times: number[] = [];
  let last = { backend: '', threads: 1 };
  const since = Date.now();
  for (let i = 0; i < Math.min(3, runs) && (i === 0 || Date.now() - since < BUDGET_MS); i++) {
    const r = await coldStart(browser, url);
    times.push(r.ms);
    last = r;
  }
  return { times, backend: last.backend, threads: last.threads };
}

function coldStartRow(
  r: { times: number[]; threads: number },
  backend: Measurement['backend'],
  size: Measurement['size'],
): Measurement {
  const { times, threads } = r;
  return {
    runtime: 'tfjs',
    where: 'chromium',
    backend,
    threads,
    size,
    what: 'cold-start',
    ms: median(times),
    runs: times.length,
  };
}

/** One step's draw: the feature-map grid and the diagram, after each of 8 steps (median). */
async function stepDraw(browser: Browser, url: string): Promise<{ ms: number; runs: number }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  try {
    await page.goto(url);
    await page.getByText(TRACE_LINE).waitFor({ timeout: 240_000 });
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      await page.evaluate(() => performance.clearMeasures());
      await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
      const handle = await page.waitForFunction(() => {
        const m = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('stepper:'));
        return m.some((e) => e.name === 'stepper:grid') ? m.reduce((a, e) => a + e.duration, 0) : false;
      });
      times.push((await handle.jsonValue()) as number);
    }
    return { ms: median(times), runs: times.length };
  } finally {
    await page.close();
  }
}

async function appRows(
  browser: Browser,
  app: RunningServer | undefined,
  opts: BenchOptions,
  emit: Emit,
  notice: Notice,
) {
  if (!app) {
    notice('cold start and step draw: skipped, no built app (run npm run build first)');
    return;
  }
  // the default page: it races the backends, downloading the weights meanwhile, then traces
  for (const size of opts.sizes) {
    const r = await coldStarts(browser, `${app.url}?size=${size}&input=rand:0`, opts.runs);
    const backend = BENCH_BACKENDS.find((b) => b === r.backend);
    if (!backend) {
      notice(`the default page ran on "${r.backend}": its cold start is not reported`);
      continue;
    }
    emit({ ...coldStartRow(r, backend, size), choice: 'measured' });
  }
  for (const backend of opts.backends) {
    for (const size of opts.sizes) {
      const url = `${app.url}?backend=${backend}&size=${size}&input=rand:0`;
      const r = await coldStarts(browser, url, opts.runs);
      if (r.backend !== backend) {
        notice(`the app at ?backend=${backend} ran on ${r.backend}: its cold start is not reported`);
        continue;
      }
      emit(coldStartRow(r, backend, size));
      const draw = await stepDraw(browser, `${url}&step=b1.conv`);
      emit({
        runtime: 'tfjs',
        where: 'chromium',
        backend,
        threads: r.threads,
        size,
        what: 'step-draw',
        ms: draw.ms,
        runs: draw.runs,
      });
    }
  }
}

/** What a group of Chromium rows gets: the browser, the test-only pages' server, a way to start the built app. */
export interface ChromiumSession {
  readonly browser: Browser;
  readonly pages: RunningServer;
  /** The built app, served as `vite preview` does, stopped with the session; undefined when not built. */
  app(): Promise<RunningServer | undefined>;
}

/** Runs `body` with Chromium and the pages' server, closing everything on the way out (Ctrl-C too). */
export async function withChromium(body: (s: ChromiumSession) => Promise<void>): Promise<void> {
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const pages = await startPagesServer();
    running.add(pages);
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    running.add(browser);
    let app: RunningServer | undefined;
    await body({
      browser,
      pages,
      async app() {
        if (!existsSync(join(REPO_ROOT, 'dist', 'index.html'))) return undefined;
        if (!app) running.add((app = await startAppPreview()));
        return app;
      },
    });
  } finally {
    await closeAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Every forward-pass Chromium row the options ask for. */
export async function benchChromium(opts: BenchOptions, emit: Emit, notice: Notice): Promise<void> {
  await withChromium(async ({ browser, pages, app }) => {
    await tfjsRows(browser, pages, opts, emit, notice);
    await ortRows(browser, pages, opts, emit, notice);
    await appRows(browser, await app(), opts, emit, notice);
  });
}
