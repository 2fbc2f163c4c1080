/**
 * The compute runtime: the backend chosen by measurement (and remembered per browser and
 * adapter), WebAssembly on every core, and the panel that shows what a trace holds.
 */
import { expect, shownBackend, test } from './fixtures';

// about the first visit's measurement: nothing remembered yet
test.use({ firstVisit: true });

const why = (page: import('@playwright/test').Page) => page.locator('.backend-why');

test('the default page times WebAssembly and plain JavaScript, never the software adapters, and chooses WebAssembly', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?input=rand:0');
  expect(await shownBackend(page)).toBe('wasm');
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible();
  // the e2e Chromium's WebGPU and WebGL are SwiftShader: never started, and the page says so
  await expect(why(page)).toContainText('Not timed: WebGPU (software adapter) and WebGL (software adapter).');
  await expect(why(page)).toHaveText(
    /^WebAssembly \(CPU\) — (more than )?[\d.]+× faster than plain JavaScript \(CPU\) here \(a 64×64 forward pass: \d+ ms/,
  );
  await expect(page.getByText(/Traced 66 operations in \d+ ms on WebAssembly/)).toBeVisible();
  expect(consoleErrors).toEqual([]);

  // the next visit with the same browser and adapter uses the measurement it remembered
  await page.reload();
  expect(await shownBackend(page)).toBe('wasm');
  await expect(why(page)).toContainText('Measured on an earlier visit with this browser and adapter.');

  // another adapter (or browser version): measured again
  await page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('resnet-explainer.backend') ?? '{}') as { key: string };
    localStorage.setItem('resnet-explainer.backend', JSON.stringify({ ...stored, key: `${stored.key} (old driver)` }));
  });
  await page.reload();
  await expect(why(page)).toHaveText(/faster than plain JavaScript \(CPU\) here/);
  await expect(why(page)).not.toContainText('earlier visit');
});

test('the weights download while the backends race, not after', async ({ page }) => {
  // each weights file, as it is asked for: had the page already announced its backend?
  const askedAfterChoice: boolean[] = [];
  await page.route('**/models/resnet18-fmnist/*.bin', async (route) => {
    const chosen = await page
      .locator('.backend-badge')
      .getAttribute('data-backend')
      .catch(() => null);
    askedAfterChoice.push(!!chosen);
    await route.continue();
  });
  await page.goto('/?input=rand:0');
  expect(await shownBackend(page)).toBe('wasm');
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible();
  await expect(why(page)).toHaveText(/faster than plain JavaScript \(CPU\) here/);
  expect(askedAfterChoice.length).toBeGreaterThan(0);
  expect(askedAfterChoice).not.toContain(true);
});

test('the reason is given in Chinese too', async ({ page }) => {
  await page.goto('/?lang=zh&input=rand:0');
  await expect(why(page)).toHaveText(/^WebAssembly（CPU）——在这台机器上比 纯 JavaScript（CPU） 快 [\d.]+ 倍/);
});

test('WebAssembly runs on more than one thread where the page is cross-origin isolated', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:0');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const badge = page.getByRole('status', { name: 'Runs on' });
  await expect(badge).toHaveAttribute('data-threads', /^\d+$/);
  expect(Number(await badge.getAttribute('data-threads'))).toBeGreaterThan(1);
  await expect(badge).toHaveText(/WebAssembly \(CPU\) · \d+ threads/);
});

test('the panel shows the tensors and megabytes the worker holds, and they grow with the input', async ({ page }) => {
  const held = async () => {
    const tensors = page.locator('.runtime-panel [data-tensors]');
    await expect(tensors).toHaveText(/^tensors \d+$/);
    return {
      tensors: Number(await tensors.getAttribute('data-tensors')),
      bytes: Number(await page.locator('.runtime-panel [data-bytes]').getAttribute('data-bytes')),
    };
  };
  await page.goto('/?backend=wasm&input=rand:0');
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'What the trace costs' })).toContainText(
    'Every activation stays in memory',
  );
  const small = await held();
  const stats = await page.evaluate(() => window.__resnetTestHook?.stats());
  expect(small.tensors).toBe(stats?.memory.tensors);
  await page.getByLabel('Input size').selectOption('224');
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible();
  await expect.poll(async () => (await held()).bytes).toBeGreaterThan(small.bytes);
  // the same tensors, twelve times the pixels: only activations grow, the weights stay
  expect((await held()).tensors).toBe(small.tensors);
});
