/**
 * The bench's `longtask` part: the longest task on the built app's main thread, with the CPU
 * throttled 4× (a school laptop), per backend and size, side by side in one run. Two rows each:
 * from a new input until the new trace's summary shows, and while stepping through steps already
 * traced. The page means to stay under 50 ms (the network runs in a worker); a task is wall-clock
 * time, which a loaded machine stretches, so this is a figure with the load beside it, not a test.
 * The test that a busy machine cannot turn red is `e2e/no-freeze.spec.ts` (no tfjs work on the
 * main thread; stepping renders deferred).
 */
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { withChromium } from './benchBrowser';
import type { BenchBackend, BenchOptions } from './benchOptions';
import { median } from './benchOptions';

/** The page's budget for one main-thread task, in milliseconds (the RAIL model's 50 ms). */
export const LONG_TASK_MS = 50;
const THROTTLE = 4;

/** One longest-task row (a JSON line of the bench's output). */
export interface LongTaskMeasurement {
  readonly runtime: 'tfjs';
  readonly where: 'chromium';
  readonly backend: BenchBackend;
  readonly size: number;
  readonly what: 'longest-task';
  /** What the page was doing: tracing a new input (until its summary), or stepping. */
  readonly during: 'new input' | 'stepping';
  /** The median over runs of each run's longest main-thread task, in milliseconds (0: none over 50 ms). */
  readonly ms: number;
  /** The longest task of all runs. */
  readonly maxMs: number;
  readonly runs: number;
  readonly throttle: number;
  /** The machine's 1-minute load average when the row was taken. */
  readonly loadAverage: number;
}

declare global {
  interface Window {
    __longTasks?: number[];
    __summaryAt?: number | undefined;
  }
}

const load = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/** Starts collecting the page's long tasks (the browser reports only those over 50 ms). */
function watchLongTasks(page: Page): Promise<void> {
  return page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks?.push(e.duration);
    }).observe({ type: 'longtask' });
  });
}

/** The longest task since `watchLongTasks`, after a moment for the observer to deliver; 0 if none. */
async function longestTask(page: Page): Promise<number> {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  return page.evaluate(() => Math.max(0, ...(window.__longTasks ?? [])));
}

/**
 * Watches the trace status: `window.__summaryAt` is set once it has left "Traced …" and come back
 * to it (a new trace's summary). Wait for it with `summaryShown`.
 */
function watchSummary(page: Page): Promise<void> {
  return page.evaluate(() => {
    window.__summaryAt = undefined;
    const status = document.querySelector('.trace-status') as HTMLElement;
    let tracing = false;
    new MutationObserver((_, obs) => {
      if (!/^Traced/.test(status.textContent ?? '')) tracing = true;
      else if (tracing) {
        window.__summaryAt = performance.now();
        obs.disconnect();
      }
    }).observe(status, { childList: true, subtree: true, characterData: true });
  });
}

const summaryShown = (page: Page) =>
  page.waitForFunction(() => window.__summaryAt !== undefined, null, { timeout: 240_000 });

/**
 * Each run's longest task: a new input (seed 1, 2, …) until its summary; then, once two steps
 * have been shown, stepping back and forth over them (served from the page's cache; drawing a
 * step's maps the first time is the bench's `step-draw` row).
 */
async function measure(page: Page, runs: number): Promise<{ input: number[]; stepping: number[] }> {
  const input: number[] = [];
  const stepping: number[] = [];
  const next = page.getByRole('button', { name: 'Next step' });
  const previous = page.getByRole('button', { name: 'Previous step' });
  for (let i = 0; i < runs; i++) {
    await watchLongTasks(page);
    await watchSummary(page);
    await page.getByLabel('Random seed').fill(String(i + 1));
    await page.getByRole('button', { name: 'torch.rand, as in the d2l notebook' }).click();
    await summaryShown(page);
    input.push(await longestTask(page));
    const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));
    for (const button of [next, next, previous, previous]) await button.click().then(settle);
    await watchLongTasks(page);
    for (const button of [next, next, previous, previous]) await button.click().then(settle);
    stepping.push(await longestTask(page));
  }
  return { input, stepping };
}

/** The `longtask` rows for every backend and size the options ask for, from the built app. */
export async function benchLongTasks(
  opts: BenchOptions,
  emit: (m: LongTaskMeasurement) => void,
  notice: (line: string) => void,
): Promise<void> {
  await withChromium(async ({ browser, app }) => {
    const served = await app();
    if (!served) return notice('longest task: skipped, no built app (run npm run build first)');
    for (const backend of opts.backends) {
      for (const size of opts.sizes) {
        const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
        try {
          await page.goto(`${served.url}?backend=${backend}&size=${size}&input=rand:0`);
          await page.getByText(/Traced \d+ operations in \d+ ms on/).waitFor({ timeout: 240_000 });
          const ran = await page.getByRole('status', { name: /Runs on/ }).getAttribute('data-backend');
          if (ran !== backend) throw new Error(`it ran on ${ran}`);
          const cdp = await page.context().newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
          const r = await measure(page, Math.min(opts.runs, 3));
          for (const [during, times] of [
            ['new input', r.input],
            ['stepping', r.stepping],
          ] as const) {
            emit({
              runtime: 'tfjs',
              where: 'chromium',
              backend,
              size,
              what: 'longest-task',
              during,
              ms: median(times),
              maxMs: Math.max(...times),
              runs: times.length,
              throttle: THROTTLE,
              loadAverage: load(),
            });
          }
        } catch (e) {
          notice(`longest task on ${backend} at ${size}: skipped (${e instanceof Error ? e.message : String(e)})`);
        } finally {
          await page.close();
        }
      }
    }
  });
}

/** The longest-task rows side by side: backend × size, each with the 50 ms budget's verdict. */
export function longTaskTable(rows: readonly LongTaskMeasurement[]): string {
  const lines = [['backend', 'size', 'during', 'longest task ms (median)', 'max', 'runs', 'CPU', 'load', '≤ 50 ms']];
  for (const r of rows) {
    lines.push([
      r.backend,
      `${r.size}×${r.size}`,
      r.during,
      r.ms.toFixed(0),
      r.maxMs.toFixed(0),
      String(r.runs),
      `${r.throttle}× slower`,
      r.loadAverage.toFixed(2),
      r.maxMs <= LONG_TASK_MS ? 'yes' : 'no',
    ]);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => (l[i] as string).length)));
  const row = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [row(lines[0]!), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...lines.slice(1).map(row)].join('\n');
}
