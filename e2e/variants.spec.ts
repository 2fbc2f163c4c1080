/**
 * The chapter's exercises in the page: switch to a bottleneck network and step into its
 * block, load exported weights through the file input, and see a wrong file refused with
 * the message the CLI gives. On WASM (fast without a GPU).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const WEIGHTS = fileURLToPath(new URL('../public/models/resnet18-fmnist/', import.meta.url));
const crumbs = (page: Page) => page.getByRole('navigation', { name: 'Where you are' });
const shape = (page: Page) => page.getByRole('status', { name: 'Shape' });
const traced = (page: Page, ops: number) =>
  expect(page.getByText(new RegExp(`Traced ${ops} operations`))).toBeVisible({ timeout: 120_000 });

test.describe.configure({ timeout: 300_000 });

test('switching to ResNet-101 steps into a bottleneck block and labels its predictions untrained', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?backend=wasm&input=rand:0');
  await traced(page, 66);
  // ResNet-50 ships trained: ResNet-101 has the same bottleneck blocks, and no trained weights
  await page.getByRole('combobox', { name: 'Network' }).selectOption('resnet101');
  await expect(page).toHaveURL(/arch=resnet101/);
  await traced(page, 341);
  await expect(page.getByRole('heading', { name: /What the network predicts \(untrained\)/ })).toBeVisible();
  await expect(page.getByText(/ResNet-101 is untrained here/)).toBeVisible();
  // into b2, into its first block: the 1×1 that narrows 64 channels to 64, then on to the 1×1 that widens to 256
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(crumbs(page)).toHaveText(/ResNet-101\s*›\s*b2\s*›\s*Residual 0\s*›\s*conv1 \(1×1, stride 1\)/);
  await expect(shape(page)).toHaveText('(1, 64, 16, 16)');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect(crumbs(page).locator('[aria-current="location"]')).toHaveText('conv3 (1×1, stride 1)');
  await expect(shape(page)).toHaveText('(1, 256, 16, 16)');
  await expect(page.getByRole('region', { name: /code/i }).locator('.code-line.current')).toHaveText(
    /Y = self\.bn3\(self\.conv3\(Y\)\)/,
  );
  expect(consoleErrors).toEqual([]);
});

test('the variants table compares every network, and the cost table sorts its layers', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:0&size=224&arch=resnet152');
  await expect(page.getByRole('alert')).toContainText('ResNet-152 at 224×224 needs 312.2 MB for its activations');
  await page.getByText('The variants side by side').click();
  const table = page.getByRole('table', { name: /Cost of one 224×224 gray image/ });
  await expect(table.getByRole('row')).toHaveCount(8);
  await expect(table.getByRole('row', { name: /ResNet-152/ })).toContainText('11.43 G');
  await page.getByText('Cost of every layer').first().click();
  await page.getByRole('button', { name: 'Multiply-adds' }).click();
  const layers = page.getByRole('table', { name: 'Cost of every layer' });
  await expect(layers.getByRole('columnheader', { name: 'Multiply-adds' })).toHaveAttribute('aria-sort', 'descending');
});

test('your exported weights load through the file input; a wrong file is refused with its message', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&input=rand:0&arch=resnet34');
  await traced(page, 122);
  const files = page.getByLabel('Choose files', { exact: true });
  await files.setInputFiles([`${WEIGHTS}model.json`, `${WEIGHTS}group1-shard1of1.bin`]);
  await expect(page.getByText(/Computed with your weights \(model\.json, ResNet-18\)/)).toBeVisible();
  await traced(page, 66);
  await expect(page.getByRole('heading', { name: /What the network predicts \(your weights\)/ })).toBeVisible();

  const wrong = readFileSync(`${WEIGHTS}model.json`, 'utf8').replace(
    '"name": "7.weight", "shape": [10, 512]',
    '"name": "7.weight", "shape": [512, 10]',
  );
  await files.setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(wrong) },
    {
      name: 'group1-shard1of1.bin',
      mimeType: 'application/octet-stream',
      buffer: readFileSync(`${WEIGHTS}group1-shard1of1.bin`),
    },
  ]);
  await expect(page.getByRole('alert')).toContainText(
    `These files cannot be used: These weights do not fit the notebook's ResNet-18: "7.weight" has shape [512, 10], expected [10, 512]`,
  );
  await files.setInputFiles([`${WEIGHTS}model.json`]);
  await expect(page.getByRole('alert')).toContainText(
    'names "group1-shard1of1.bin", which is not among the chosen files',
  );
});
