/**
 * A race worker that the browser stops without a word (out of memory: no error event, no reply)
 * is noticed by the silence of its reports. `rsilent=3` (build for tests only): the visit's first
 * race worker closes itself when the race starts, and the silence watch's floor is 3 s instead
 * of a minute (its part relative to the measured step time stays). Small: 8 layers, width 2, 3 steps.
 */
import { expect, test } from './fixtures';

test('a race worker that stops without a word is noticed; keep waiting, then try again in a fresh worker', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(300_000);
  await page.goto('/?backend=wasm&rbudget=quick&rdepths=8&rwidth=2&rsteps=3&rsilent=3#/race');
  // the link's fault exists in the build for tests only
  await page.waitForFunction(() => window.__resnetTestHook !== undefined);
  await expect(page.getByText(/training images \(400 a class\).* are loaded/)).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Start the race' }).click();
  const silent = page.getByRole('alert').filter({ hasText: 'stopped answering' });
  // said in the page's words, with what the student can do; the race is not called failed
  await expect(silent).toHaveText(/^The race has stopped answering: .* Try again to start the race over/, {
    timeout: 120_000,
  });
  await expect(page.locator('.race-status [role="status"]')).toHaveAttribute('data-phase', 'running');
  await page.getByRole('button', { name: 'Keep waiting' }).click();
  await expect(silent).toHaveCount(0);
  // the worker is really gone: asked again, after twice as long
  await expect(silent).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText(/^Finished 3 steps on /)).toBeVisible({ timeout: 240_000 });
  await expect(silent).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
