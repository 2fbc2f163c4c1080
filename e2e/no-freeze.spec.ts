/**
 * The page never freezes: from an input change until the new trace's summary appears, no
 * main-thread task runs longer than 50 ms, on every backend, also with the CPU throttled
 * 4× (a school laptop). The network runs in a worker; the page only sends the input and
 * renders the answer. Drawing the new feature maps comes after the summary and is not counted.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// A task's length is wall-clock time: on a machine busy with other work a short task can be
// descheduled past 50 ms. Each case gets two more tries; a page that really blocks fails all three
// (before the stepper rendered steps as transitions, stepping gave 72–90 ms tasks every time).
test.describe.configure({ timeout: 300_000, retries: 2 });

declare global {
  interface Window {
    __longTasks?: { start: number; ms: number }[];
    __summaryAt?: number;
  }
}

const summary = (page: Page) => page.getByText(/Traced 66 operations/);

/** Long tasks from now until the next trace's summary shows; `change` makes the input change. */
async function longTasksUntilSummary(page: Page, change: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    window.__longTasks = [];
    window.__summaryAt = undefined;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks?.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask' });
    const status = document.querySelector('.trace-status') as HTMLElement;
    let tracing = false;
    new MutationObserver((_, obs) => {
      const text = status.textContent ?? '';
      if (!/^Traced/.test(text)) tracing = true;
      else if (tracing) {
        window.__summaryAt = performance.now();
        obs.disconnect();
      }
    }).observe(status, { childList: true, subtree: true, characterData: true });
  });
  await change();
  await expect.poll(() => page.evaluate(() => window.__summaryAt), { timeout: 240_000 }).toBeDefined();
  // a long task is reported once it ends: give the observer a moment to deliver
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  return page.evaluate(() =>
    (window.__longTasks ?? []).filter((t) => t.start < (window.__summaryAt as number)).map((t) => Math.round(t.ms)),
  );
}

const CASES = [
  { backend: 'wasm', size: 512 },
  { backend: 'wasm', size: 224 },
  { backend: 'cpu', size: 224 },
  { backend: 'webgl', size: 64 },
  { backend: 'webgpu', size: 64 },
] as const;

for (const { backend, size } of CASES) {
  test(`a new input on ${backend} at ${size}×${size} never blocks the page for 50 ms, CPU throttled 4×`, async ({
    page,
  }) => {
    await page.goto(`/?backend=${backend}&size=${size}&input=rand:0`);
    await expect(summary(page)).toBeVisible({ timeout: 240_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const long = await longTasksUntilSummary(page, async () => {
      await page.getByLabel('Random seed').fill('1');
      await page.getByRole('button', { name: 'torch.rand, as in the d2l notebook' }).click();
    });
    expect(long, `main-thread tasks over 50 ms: ${long.join(', ')} ms`).toEqual([]);
    await expect(page).toHaveURL(/input=rand%3A1|input=rand:1/);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  });
}

test('stepping through a computed trace asks the worker for each tensor once', async ({ page }) => {
  await page.goto('/?backend=wasm&size=64&input=rand:0');
  await expect(summary(page)).toBeVisible();
  const shape = page.getByRole('status', { name: 'Shape' });
  const next = page.getByRole('button', { name: 'Next step' });
  const previous = page.getByRole('button', { name: 'Previous step' });
  const reads = async () => (await page.evaluate(() => window.__resnetTestHook?.stats()))?.reads;
  for (let i = 0; i < 3; i++) await next.click();
  await expect(shape).toHaveText('(1, 128, 8, 8)');
  // back and forth over steps already shown: served from the page's cache, no task over 50 ms
  const before = await reads();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longTasks?.push({ start: e.startTime, ms: Math.round(e.duration) });
    }).observe({ type: 'longtask' });
  });
  await previous.click();
  await previous.click();
  await expect(shape).toHaveText('(1, 64, 16, 16)');
  await next.click();
  await next.click();
  await expect(shape).toHaveText('(1, 128, 8, 8)');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  expect(await page.evaluate(() => window.__longTasks?.map((t) => t.ms))).toEqual([]);
  expect(await reads()).toBe(before);
});
