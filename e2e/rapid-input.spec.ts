/**
 * A class clicks faster than the network computes: on a deliberately slowed backend (the
 * worker's test hook), a burst of inputs, sizes and steps ends with the newest input on
 * screen, traced once; no older trace is ever shown after it, and none is computed twice.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

declare global {
  interface Window {
    __tracedShown?: number;
  }
}

const stats = async (page: Page) => {
  const s = await page.evaluate(() => window.__resnetTestHook?.stats());
  if (!s) throw new Error('no test hook on the page');
  return s;
};

test('a burst of inputs, sizes and steps on a slow backend: the newest wins, computed once', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:0');
  const summary = page.getByText(/Traced 66 operations/);
  await expect(summary).toBeVisible();
  // about 66 × 40 ms: every trace takes seconds, far longer than the clicks below
  await page.evaluate(() => window.__resnetTestHook?.slowOps(40));
  const before = await stats(page);
  // count each time the status line turns to a finished trace
  await page.evaluate(() => {
    window.__tracedShown = 0;
    const status = document.querySelector('.trace-status') as HTMLElement;
    let wasTraced = true;
    new MutationObserver(() => {
      const traced = /^Traced/.test(status.textContent ?? '');
      if (traced && !wasTraced) window.__tracedShown = (window.__tracedShown ?? 0) + 1;
      wasTraced = traced;
    }).observe(status, { childList: true, subtree: true, characterData: true });
  });

  const seed = page.getByLabel('Random seed');
  const rand = page.getByRole('button', { name: 'torch.rand, as in the d2l notebook' });
  for (const s of [1, 2, 3]) {
    await seed.fill(String(s));
    await rand.click();
  }
  await page.getByLabel('Input size').selectOption('224');
  await page.getByRole('button', { name: 'Next step' }).click();
  await seed.fill('4');
  await rand.click();
  await page.getByLabel('Input size').selectOption('64');
  await seed.fill('5');
  await rand.click();

  await expect.poll(async () => (await stats(page)).traces, { timeout: 60_000 }).toBe(before.traces + 1);
  await expect(summary).toBeVisible();
  const after = await stats(page);
  expect(after.lastTraced).toBe('rand:5 @ 64');
  // older inputs were cancelled mid-pass (or never started), not computed and thrown away
  expect(after.tracesComputed - before.tracesComputed).toBe(1);
  expect(await page.evaluate(() => window.__tracedShown)).toBe(1);
  await expect(page).toHaveURL(/input=rand%3A5|input=rand:5/);
  await expect(page).toHaveURL(/step=b1/);
  await page.evaluate(() => window.__resnetTestHook?.slowOps(0));
});
