/**
 * Uploading anything: files that are not usable pictures are refused with a message that
 * says what was wrong and what to do, and the input and step stay; odd but usable ones
 * (1×1, animated, 50 megapixels) are taken with a note. Never the browser's own exception.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { gifBytes, jpegBytes, pngBytes } from './pictureFiles';

test.describe.configure({ timeout: 300_000 });

const traced = (page: Page) => expect(page.getByText(/Traced 66 operations/)).toBeVisible({ timeout: 120_000 });
const upload = (page: Page, name: string, mimeType: string, buffer: Buffer) =>
  page.getByLabel(/Upload a picture|上传图片/).setInputFiles({ name, mimeType, buffer });
const shape = (page: Page) => page.getByRole('status', { name: 'Shape' });
const bag = (x: number, y: number, w: number, h: number) =>
  x > w * 0.25 && x < w * 0.75 && y > h * 0.25 && y < h * 0.75;

test('files that are not usable pictures are refused, and the input and step stay', async ({ page, consoleErrors }) => {
  await page.goto('/?backend=wasm&input=rand:3&step=b2');
  await traced(page);
  await expect(shape(page)).toHaveText('(1, 64, 16, 16)');
  const mean = await page.locator('[data-stat="mean"]').textContent();
  const goodPng = pngBytes(40, 30, (x, y) => bag(x, y, 40, 30));
  const goodJpeg = await jpegBytes(page, 64, 48);
  const cases: [string, string, Buffer, RegExp][] = [
    ['notes.png', 'image/png', Buffer.from('these are not pixels'), /“notes.png” is not a picture file\. Choose a PNG/],
    ['empty.jpg', 'image/jpeg', Buffer.alloc(0), /“empty.jpg” is an empty file \(0 bytes\)/],
    [
      'logo.svg',
      'image/svg+xml',
      Buffer.from(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>',
      ),
      /“logo.svg” is an SVG drawing.*Export it as PNG first/,
    ],
    ['cut.png', 'image/png', goodPng.subarray(0, 60), /“cut.png” looks like a PNG picture but cannot be decoded/],
    [
      'IMG_0001.HEIC',
      'image/heic',
      Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(100)]),
      /“IMG_0001.HEIC” is a HEIC photo.*Save or share it as JPEG/,
    ],
    [
      'broken.jpg',
      'image/jpeg',
      Buffer.concat([goodJpeg.subarray(0, 20), Buffer.alloc(200, 0x55)]),
      /“broken.jpg” looks like a JPEG picture but cannot be decoded/,
    ],
  ];
  for (const [name, type, bytes, message] of cases) {
    await upload(page, name, type, bytes);
    const alert = page.getByRole('alert').filter({ hasText: message });
    await expect(alert, name).toBeVisible();
    await expect(alert).toContainText('The previous input and step stay as they were.');
    await expect(page.getByText(/InvalidStateError|could not be decoded\.|DOMException/)).toHaveCount(0);
    await expect(page).toHaveURL(/input=rand:3/);
    await expect(page).toHaveURL(/step=b2(&|$)/);
    await expect(page.locator('[data-stat="mean"]')).toHaveText(mean ?? '');
  }
  expect(consoleErrors).toEqual([]);
});

test('a refused file is explained in Chinese too', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:3&lang=zh');
  await expect(page.getByText(/上追踪了 66 个运算/)).toBeVisible({ timeout: 120_000 });
  await upload(page, 'notes.txt', 'text/plain', Buffer.from('hello'));
  await expect(page.getByRole('alert').filter({ hasText: '“notes.txt”不是图片文件' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '之前的输入和步骤保持不变。' })).toBeVisible();
});

test('a 1×1 picture is taken, with a note that it was enlarged', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:3');
  await traced(page);
  await upload(
    page,
    'dot.png',
    'image/png',
    pngBytes(1, 1, () => true),
  );
  await expect(page.getByText(/This picture is only 1×1 pixels: it was enlarged/)).toBeVisible();
  await expect(page).not.toHaveURL(/input=/);
  await traced(page);
  await expect(page.getByRole('img', { name: 'What the network sees' })).toBeVisible();
});

test('an animated GIF is taken at its first frame, with a note', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:3');
  await traced(page);
  // the first frame has a bag; the second is blank, which would be refused if it were used
  const gif = gifBytes(40, 30, [(x, y) => bag(x, y, 40, 30), () => false]);
  await upload(page, 'spin.gif', 'image/gif', gif);
  await expect(page.getByText(/This is an animated GIF with 2 frames: the network sees the first frame/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await traced(page);
  expect(Number(await page.locator('[data-stat="max"]').textContent())).toBeGreaterThan(0.8);
});

test('a 50-megapixel photo is decoded at a small size and the page keeps answering', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:3');
  await traced(page);
  const photo = await jpegBytes(page, 8660, 5800);
  // a timer on the page records its longest gap while the photo is read
  await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; stopGaps: () => void };
    w.maxGap = 0;
    let last = performance.now();
    const id = setInterval(() => {
      const now = performance.now();
      w.maxGap = Math.max(w.maxGap, now - last);
      last = now;
    }, 20);
    w.stopGaps = () => clearInterval(id);
  });
  await upload(page, 'camera.jpg', 'image/jpeg', photo);
  await expect(
    page.getByText(/This photo has 8660×5800 pixels \(50 megapixels\); it was decoded at 512×343/),
  ).toBeVisible();
  const maxGap = await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; stopGaps: () => void };
    w.stopGaps();
    return w.maxGap;
  });
  console.log(`longest pause of the page while reading the 50-megapixel photo: ${maxGap.toFixed(0)} ms`);
  expect(maxGap).toBeLessThan(1000);
  await traced(page);
});

test('a large WebP photo is decoded at a small size too', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:3');
  await traced(page);
  const photo = await jpegBytes(page, 4000, 3000, 'image/webp');
  await upload(page, 'phone.webp', 'image/webp', photo);
  await expect(
    page.getByText(/This photo has 4000×3000 pixels \(12 megapixels\); it was decoded at 512×384/),
  ).toBeVisible();
});
