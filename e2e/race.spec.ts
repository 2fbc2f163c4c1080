import { expect, test } from './fixtures';

// a tiny race on the CPU backend: one depth (plain and residual, 8 layers), width 2, 6 steps
const URL = '/?backend=cpu&rdepths=8&rwidth=2&rsteps=6#/race';

const points = (page: import('@playwright/test').Page, name: string) =>
  page.getByRole('img', { name: 'Training loss' }).locator(`path.curve[data-name="${name}"]`);

test('a race starts, both curves grow, pauses, resumes, finishes with measured sentences, resets', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(URL);
  await expect(page.getByText(/training images \(400 a class\).* are loaded/)).toBeVisible();
  await page.getByRole('button', { name: 'Start the race' }).click();
  await expect(page.getByText(/Measured on this device .*plain JavaScript \(CPU\) \d+ ms per step/)).toBeVisible();
  for (const name of ['plain, 8 layers', 'residual, 8 layers'])
    await expect(points(page, name)).toHaveAttribute('data-points', /^[1-9]/);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText(/Paused at step \d of 6/)).toBeVisible();
  // a step in flight may still land; after that nothing moves while paused
  const settled = await points(page, 'plain, 8 layers').getAttribute('data-points');
  await page.waitForTimeout(4000); // proving that nothing happens takes time
  const after = await points(page, 'plain, 8 layers').getAttribute('data-points');
  expect(Number(after) - Number(settled)).toBeLessThanOrEqual(1);

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText('Finished 6 steps on plain JavaScript (CPU).')).toBeVisible({ timeout: 90_000 });
  for (const name of ['plain, 8 layers', 'residual, 8 layers'])
    await expect(points(page, name)).toHaveAttribute('data-points', '6');
  await expect(
    page.getByText(/^After 6 steps at 8 layers the plain network's training loss is \d\.\d\d/),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: 'Validation accuracy (200 images)' }).locator('path.curve')).toHaveCount(
    2,
  );

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('button', { name: 'Start the race' })).toBeEnabled();
  await expect(points(page, 'plain, 8 layers')).toHaveAttribute('data-points', '0');
  expect(consoleErrors).toEqual([]);
});

test('the worker stops when the chapter is left', async ({ page }) => {
  await page.goto('/?backend=cpu&rdepths=8&rwidth=2&rsteps=1000#/race');
  await expect(page.getByText(/training images .* are loaded/)).toBeVisible();
  const started = page.waitForEvent('worker');
  await page.getByRole('button', { name: 'Start the race' }).click();
  const worker = await started;
  const closed = new Promise<void>((resolve) => worker.on('close', () => resolve()));
  await expect(points(page, 'plain, 8 layers')).toHaveAttribute('data-points', /^[1-9]/);
  await page.getByRole('link', { name: '3 · The network' }).click();
  await closed;
});

test('the chapter speaks Chinese and is linked in the header', async ({ page }) => {
  await page.goto('/?lang=zh');
  await page.getByRole('navigation', { name: '章节' }).getByRole('link', { name: '4 · 现场训练' }).click();
  await expect(page.getByRole('heading', { name: '现场训练：普通网络与残差网络赛跑' })).toBeVisible();
  await expect(page.getByRole('button', { name: '开始赛跑' })).toBeEnabled();
});
