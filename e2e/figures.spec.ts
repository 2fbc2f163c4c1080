/**
 * Figures for slides: "Download" gives a PNG drawn again at twice the device pixels and,
 * for SVG figures, a standalone SVG file that carries its title.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 300_000 });

const traced = (page: Page) => expect(page.getByText(/Traced 66 operations/)).toBeVisible({ timeout: 120_000 });

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { file, bytes: await readFile(path) };
}

test('the feature-map grid downloads as a PNG drawn at twice the device pixels', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:0&step=b1.conv');
  await traced(page);
  const grid = page.getByRole('img', { name: /Feature maps of Conv2d/ });
  await expect(grid).toBeVisible();
  const onScreen = await grid.evaluate((c) => c.clientWidth * window.devicePixelRatio);
  const { file, bytes } = await downloaded(page, () =>
    page.getByRole('button', { name: /Download “Feature maps of Conv2d” as PNG$/ }).click(),
  );
  expect(file.suggestedFilename()).toBe('feature-maps-of-conv2d-b1.conv.png');
  const png = PNG.sync.read(bytes);
  expect(png.width).toBe(Math.round(onScreen * 2));
  expect(png.height).toBeGreaterThan(100);
  // not blank: the grid's colours are in it, not only the white ground and the caption's grey
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i));
  expect(colours.size).toBeGreaterThan(20);
});

test('the architecture diagram downloads as well-formed SVG with its title, and as PNG', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:0&step=b3');
  await traced(page);
  const { file, bytes } = await downloaded(page, () =>
    page.getByRole('button', { name: /Download “ResNet-18: its layers.*” as SVG$/ }).click(),
  );
  expect(file.suggestedFilename()).toMatch(/\.svg$/);
  // parsed in a blank page: a document parsed in the app's page would fall under its CSP (no style attributes)
  const blank = await page.context().newPage();
  const parsed = await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      title: doc.querySelector('svg > title')?.textContent ?? '',
      texts: Array.from(doc.querySelectorAll('text'), (t) => t.textContent ?? ''),
      styled: doc.querySelectorAll('[style*="fill"]').length,
    };
  }, bytes.toString('utf8'));
  await blank.close();
  expect(parsed.error).toBeNull();
  expect(parsed.title).toContain('ResNet-18: its layers, shapes and parameters');
  expect(parsed.title).toContain('step b3');
  expect(parsed.texts).toContain('ResNet-18: its layers, shapes and parameters');
  // the page's stylesheet is not in the file: the boxes carry their own fill
  expect(parsed.styled).toBeGreaterThan(10);
  const png = await downloaded(page, () =>
    page.getByRole('button', { name: /Download “ResNet-18: its layers.*” as PNG/ }).click(),
  );
  const svgWidth = await page
    .locator('.diagram svg')
    .first()
    .evaluate((s) => s.getBoundingClientRect().width);
  expect(PNG.sync.read(png.bytes).width).toBe(Math.round(svgWidth * 2));
});

test('per channel, the colour bar says whose range it shows, in both languages', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:0&step=b1.conv');
  await traced(page);
  const note = page.getByText(/Per channel: each tile has its own range and colour map; this bar is channel 0’s/);
  await expect(note).toBeVisible();
  await page.getByLabel('Colour scale').selectOption('layer');
  await expect(note).toBeHidden();
  await page.goto('/?backend=wasm&input=rand:0&step=b1.conv&lang=zh');
  await expect(page.getByText(/逐通道：每个小图有自己的数值范围和配色；这条色带是通道 0 的/)).toBeVisible({
    timeout: 120_000,
  });
});

for (const [w, h, projector] of [
  [1366, 768, 0],
  [768, 1024, 0],
  [1280, 720, 1],
  [1100, 800, 1],
] as const) {
  test(`the lab’s BatchNorm menu says which mode the maps use; its Python line is whole (${w}×${h}, projector ${projector})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(`/?projector=${projector}#/residual-block`);
    const menu = page.getByLabel('BatchNorm mode');
    await expect(menu).toHaveAccessibleDescription(/feature maps of the data path always use eval mode/);
    const line = page.getByRole('textbox', { name: 'Python: the block' });
    await line.fill('blk = Residual(3, 6, use_1x1conv=True, strides=2)');
    // the whole statement is visible: the box is at least as wide as its text
    expect(await line.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  });
}
