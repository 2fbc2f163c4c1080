/**
 * Missing or damaged weights: the page names the file and the problem, runs the shape-only
 * trace on random weights, and labels the predictions "untrained". Files are broken on
 * the way to the page with page.route.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const BIN = '**/models/resnet18-fmnist/*.bin';
const MODEL_JSON = '**/models/resnet18-fmnist/model.json';
const traced = (page: Page) => expect(page.getByText(/Traced 66 operations/)).toBeVisible({ timeout: 120_000 });
const problem = (page: Page) => page.getByRole('alert').filter({ hasText: /weights file/ });

/** The predictions are there, and say they come from untrained weights. */
async function predictionsSayUntrained(page: Page) {
  await expect(page.getByRole('heading', { name: /What the network predicts \(untrained\)/ })).toBeVisible();
  await expect(page.getByText(/Held-out accuracy of these weights/)).toHaveCount(0);
}

test('a cut-off weights file is named, and the page runs untrained random weights', async ({ page }) => {
  await page.route(BIN, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: (await res.body()).subarray(0, 1000) });
  });
  await page.goto('/?backend=wasm&input=rand:0');
  await expect(problem(page)).toContainText(
    'The weights file group1-shard1of1.bin arrived incomplete (1000 of 11272232 bytes)',
  );
  await expect(problem(page)).toContainText('untrained random weights');
  await traced(page);
  await predictionsSayUntrained(page);
});

test('an altered weights file fails its checksum, in Chinese too', async ({ page }) => {
  await page.route(BIN, async (route) => {
    const res = await route.fetch();
    const body = Buffer.from(await res.body());
    body[5000] = (body[5000] ?? 0) ^ 0xff; // one byte, same length: only the checksum can tell
    await route.fulfill({ response: res, body });
  });
  await page.goto('/?backend=wasm&input=rand:0&lang=zh');
  await expect(problem(page).or(page.getByRole('alert').filter({ hasText: /权重文件/ }))).toContainText(
    '权重文件 group1-shard1of1.bin 不是构建本页面时的那个文件：它的 SHA-256 校验值不符',
  );
  await expect(page.getByRole('heading', { name: /网络的预测 \(未训练\)/ })).toBeVisible({ timeout: 120_000 });
});

test('a missing model.json (404) is reported as missing, not taken for "no weights shipped"', async ({ page }) => {
  await page.route(MODEL_JSON, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
  await page.goto('/?backend=wasm&input=rand:0');
  await expect(problem(page)).toContainText('The weights file model.json is missing on the server (HTTP 404)');
  await expect(page.getByRole('button', { name: 'Reload and try again' })).toBeVisible();
  await traced(page);
  await predictionsSayUntrained(page);
});

test('a missing weights file (404) is named', async ({ page }) => {
  await page.route(BIN, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
  await page.goto('/?backend=wasm&input=rand:0');
  await expect(problem(page)).toContainText('The weights file group1-shard1of1.bin is missing on the server');
});

test('a model.json that is not JSON is reported, not fatal', async ({ page }) => {
  await page.route(MODEL_JSON, (route) =>
    route.fulfill({ body: '{"weightsManifest": [', contentType: 'application/json' }),
  );
  await page.goto('/?backend=wasm&size=224&input=rand:0');
  await expect(problem(page)).toContainText('The weights file model.json cannot be read (not valid JSON');
  await traced(page);
});

test('weights without checksums (a user’s own export) load, with a note', async ({ page }) => {
  await page.route(MODEL_JSON, async (route) => {
    const res = await route.fetch();
    const json = (await res.json()) as { userDefinedMetadata: Record<string, unknown> };
    delete json.userDefinedMetadata['sha256'];
    await route.fulfill({ response: res, json });
  });
  await page.goto('/?backend=wasm');
  await expect(page.getByText(/These weights carry no SHA-256 checksums/)).toBeVisible();
  // what the weights scored is one click from the backend's badge
  await page.getByText('Why this backend, which weights').click();
  await expect(page.getByText(/Trained on Fashion-MNIST/)).toBeVisible();
  await traced(page);
  await expect(page.getByText(/Held-out accuracy of these weights/)).toBeVisible();
  await expect(problem(page)).toHaveCount(0);
});

test('without crypto.subtle (plain http from a school server) the check runs in JavaScript', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined });
  });
  await page.route(BIN, async (route) => {
    const res = await route.fetch();
    const body = Buffer.from(await res.body());
    body[123_456] = (body[123_456] ?? 0) ^ 1;
    await route.fulfill({ response: res, body });
  });
  await page.goto('/?backend=wasm&input=rand:0');
  expect(await page.evaluate(() => globalThis.crypto.subtle)).toBeUndefined();
  await expect(problem(page)).toContainText('its SHA-256 checksum does not match');
});
