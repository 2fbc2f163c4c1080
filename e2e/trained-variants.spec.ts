/**
 * Trained variants on demand: choosing ResNet-34 downloads its weights (and only then), with a
 * progress bar, and its predictions then say "trained, N % held-out"; the variants table says
 * which networks are trained. On WASM (fast without a GPU).
 */
import { expect, test } from './fixtures';
import type { Page, Request } from '@playwright/test';
import { percent, shippedModel, SHIPPED_MODELS } from '../src/model/shipped';

const r34 = shippedModel('resnet34');
const traced = (page: Page, ops: number) =>
  expect(page.getByText(new RegExp(`Traced ${ops} operations`))).toBeVisible({ timeout: 180_000 });

test.describe.configure({ timeout: 300_000 });

test('choosing ResNet-34 downloads its weights with a progress bar, then predicts as trained', async ({
  page,
  consoleErrors,
}) => {
  test.skip(!r34, 'no trained ResNet-34 is shipped');
  const folder = `/models/${r34?.folder}/`;
  const asked: string[] = [];
  page.on('request', (r: Request) => {
    if (r.url().includes(folder)) asked.push(r.url());
  });
  // hold the weights file back until the bar has been seen
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**${folder}*.bin`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/?backend=wasm');
  await traced(page, 66);
  // ResNet-18 runs: nothing of ResNet-34 was asked for
  expect(asked).toEqual([]);
  await expect(page.getByRole('combobox', { name: 'Network' }).locator('option[value="resnet34"]')).toHaveText(
    `ResNet-34 — trained, ${percent(r34?.testAccuracy ?? 0)} % held-out`,
  );
  await page.getByRole('combobox', { name: 'Network' }).selectOption('resnet34');
  const bar = page.getByRole('progressbar', { name: 'Download of the ResNet-34 weights' });
  await expect(bar).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Downloading the trained ResNet-34 \([\d.]+ MB, only this once/)).toBeVisible();
  release();
  await traced(page, 122);
  await expect(bar).toHaveCount(0);
  const accuracy = percent(r34?.testAccuracy ?? 0);
  await expect(
    page.getByRole('heading', { name: `What the network predicts (trained, ${accuracy} % held-out)` }),
  ).toBeVisible();
  await expect(page.getByText(`ResNet-34 is trained here: ${accuracy} % correct`)).toBeVisible();
  // the page's size follows the weights: the size it was trained at
  await expect(page.getByText(new RegExp(`${r34?.inputSize}×${r34?.inputSize}`)).first()).toBeVisible();
  expect(asked.some((u) => u.endsWith('.bin'))).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('the variants table says which networks are trained, and what depth bought here', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:0');
  await traced(page, 66);
  await page.getByText('The variants side by side').click();
  const table = page.getByRole('table', { name: /Cost of one 64×64 gray image/ });
  await expect(table.getByRole('row', { name: /ResNet-152/ })).toContainText('untrained');
  await expect(table.getByRole('row', { name: /^ResNet-18 \d/ })).toContainText('trained, 93.2 % held-out');
  const depth = page.getByRole('region', { name: 'Does depth help here?' });
  await expect(depth.getByRole('row')).toHaveCount(1 + SHIPPED_MODELS.length);
  await expect(depth).toContainText('plain-34 28.54 %');
  await depth.getByRole('button', { name: 'Time them on this device' }).click();
  await expect(depth.locator('td[data-ms]:not([data-ms=""])')).toHaveCount(SHIPPED_MODELS.length, {
    timeout: 120_000,
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await depth.screenshot({ path: '/tmp/variants-depth-1366.png' });
});
