/**
 * The device runs out of memory mid-trace (made to happen through the worker's test hook):
 * the page says so, carries on at a smaller size, and the next input is traced as asked.
 */
import { expect, test } from './fixtures';

test('an allocation failure mid-trace is reported and the page carries on at half the size', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:0');
  const summary = page.getByText(/Traced 66 operations/);
  await expect(summary).toBeVisible();
  const lastTraced = async () => (await page.evaluate(() => window.__resnetTestHook?.stats()))?.lastTraced;
  const seed = page.getByLabel('Random seed');
  const rand = page.getByRole('button', { name: 'torch.rand, as in the d2l notebook' });

  await page.evaluate(() => window.__resnetTestHook?.failNextAllocation());
  await seed.fill('1');
  await rand.click();
  const notice = page
    .getByRole('alert')
    .filter({ hasText: /ran out of memory tracing at 64×64; the trace below is at 32×32/ });
  await expect(notice).toBeVisible();
  await expect(summary).toBeVisible();
  await expect.poll(lastTraced).toBe('rand:1 @ 32');
  await expect(
    page
      .getByRole('group', { name: /ResNet-18, the d2l notebook/ })
      .getByRole('button', { name: 'X, output (1, 1, 32, 32)' }),
  ).toBeVisible();

  // the next input is traced at the size asked for, and the notice goes
  await seed.fill('2');
  await rand.click();
  await expect.poll(lastTraced).toBe('rand:2 @ 64');
  await expect(notice).toBeHidden();
});
