/**
 * The tensor stepper, as a student and a teacher use it: step through every node with the
 * keyboard, jump by clicking, open a shared link, read the prediction, draw an input.
 * On WASM (fast without a GPU); its WebGPU smoke test (a shared step) is e2e/foundation.spec.ts's WebGPU trace.
 */
import { archNodes } from '../src/model/architecture';
import { RESNET18 } from '../src/model/variants';
import { expect, NOTEBOOK_SHAPES, test } from './fixtures';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';

/** The notebook's cell-9 table, with the input first. */
const NOTEBOOK_TABLE = [['X', '(1, 1, 224, 224)'] as const, ...NOTEBOOK_SHAPES];

const shape = (page: Page) => page.getByRole('status', { name: 'Shape' });
const crumbs = (page: Page) => page.getByRole('navigation', { name: 'Where you are' });
// a forward pass at 224×224 on WASM takes about a second here, far longer on a machine shared with training
const traced = (page: Page) => expect(page.getByText(/Traced 66 operations/)).toBeVisible({ timeout: 120_000 });

// each journey traces at least once; on a busy machine that alone can take a minute
test.describe.configure({ timeout: 300_000 });

test("stepping over the top level shows the notebook's table at 224×224", async ({ page, consoleErrors }) => {
  await page.goto('/?backend=wasm&size=224&input=rand:0');
  await traced(page);
  for (const [i, [name, expected]] of NOTEBOOK_TABLE.entries()) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await expect(crumbs(page).locator('[aria-current="location"]')).toHaveText(name);
    await expect(shape(page)).toHaveText(expected);
  }
  await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
  expect(consoleErrors).toEqual([]);
});

test("every operation, one key press at a time, has the shape the notebook's code gives", async ({ page }) => {
  await page.goto('/?backend=wasm&size=224&input=rand:0');
  await traced(page);
  const nodes = archNodes(RESNET18, [1, 1, 224, 224]);
  for (const [i, node] of nodes.entries()) {
    if (i > 0) await page.keyboard.press(']');
    await expect(page).toHaveURL(i === 0 ? /^(?!.*step=)/ : new RegExp(`step=${node.path.replace(/\./g, '\\.')}(&|$)`));
    await expect(shape(page)).toHaveText(`(${node.shape.join(', ')})`);
  }
  // the last one, ten logits, is a labelled bar chart, and its statistics are shown
  await expect(page.getByRole('list', { name: /The ten logits/ })).toBeVisible();
  // and the arrows walk the tree: up leaves a block, down enters one
  await page.keyboard.press('Home');
  await expect(shape(page)).toHaveText('(1, 1, 224, 224)');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(crumbs(page)).toHaveText(/ResNet-18\s*›\s*b2\s*›\s*Residual 0\s*›\s*conv1 \(3×3, stride 1\)/);
  await page.keyboard.press('ArrowUp');
  await expect(crumbs(page).locator('[aria-current="location"]')).toHaveText('Residual 0');
  // space plays operation by operation, and pauses
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/step=b2\.1\.conv1/);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
});

test('clicking the diagram jumps there; the breadcrumb jumps back', async ({ page }) => {
  await page.goto('/?backend=wasm&size=224&input=rand:0');
  await traced(page);
  const diagram = page.getByRole('group', { name: /ResNet-18, the d2l notebook/ });
  await diagram.getByRole('button', { name: 'b4, output (1, 256, 14, 14)' }).click();
  await expect(page).toHaveURL(/step=b4(&|$)/);
  await diagram.getByRole('button', { name: 'Residual 0, output (1, 256, 14, 14)' }).click();
  await diagram.getByRole('button', { name: 'conv3, output (1, 256, 14, 14)' }).click();
  await expect(crumbs(page)).toHaveText(/b4\s*›\s*Residual 0\s*›\s*conv3 \(1×1, stride 2\)/);
  // the code follows the breadcrumb a render later (it is a deferred render): one line, then this one
  const current = page.getByRole('region', { name: 'The d2l notebook’s code' }).locator('[aria-current="true"]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveText('            X = self.conv3(X)');
  await crumbs(page).getByRole('button', { name: 'b4' }).click();
  await expect(shape(page)).toHaveText('(1, 256, 14, 14)');
  await expect(page).toHaveURL(/step=b4(&|$)/);
});

test('a shared link opens at the same step, input and scale', async ({ page, consoleErrors }) => {
  await page.goto('/?backend=wasm&size=224&input=rand:0&step=b3.0.add&view=layer');
  await traced(page);
  await expect(crumbs(page)).toHaveText(/ResNet-18\s*›\s*b3\s*›\s*Residual 0\s*›\s*Y \+= X/);
  await expect(shape(page)).toHaveText('(1, 128, 28, 28)');
  await expect(page.getByLabel('Colour scale')).toHaveValue('layer');
  // the addition: F(x), the 1×1 shortcut and their sum, side by side
  for (const part of ['F(x) = bn2(conv2(…))', 'conv3(x) (the 1×1 shortcut)', 'Y = F(x) + x']) {
    await expect(page.getByRole('img', { name: part, exact: true })).toBeVisible();
  }
  // the block has printed Y.shape and X.shape, as the notebook does before Y += X
  const printed = page.getByRole('figure', { name: 'Notebook output' }).locator('pre');
  await expect(printed).toContainText('torch.Size([1, 128, 28, 28])\ntorch.Size([1, 128, 28, 28])');
  await expect(printed).not.toContainText('Sequential output shape:\t torch.Size([1, 128, 28, 28])');
  expect(consoleErrors).toEqual([]);
});

test('a held-out sample is classified: probabilities sum to 1, the true label is marked', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await traced(page);
  await expect(page.getByText(/^true label: /)).toBeVisible();
  const bars = page.getByRole('list', { name: 'Class probabilities' }).getByRole('listitem');
  await expect(bars).toHaveCount(10);
  const labels = await bars.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const sum = labels.map((l) => Number(/([\d.]+) %/.exec(l)?.[1])).reduce((a, b) => a + b, 0);
  expect(sum).toBeCloseTo(100, 0);
  expect(labels.filter((l) => l.includes('predicted'))).toHaveLength(1);
  expect(labels.filter((l) => l.includes('true label'))).toHaveLength(1);
  // a different sample changes the input and keeps the step
  await page.keyboard.press('End');
  await page.getByLabel('Held-out sample').selectOption({ index: 25 });
  await expect(page).toHaveURL(/input=sample%3Ac2-/);
  await expect(crumbs(page).locator('[aria-current="location"]')).toHaveText('Linear');
});

test('a light-background drawing is inverted before it reaches the model', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await traced(page);
  await page.getByRole('button', { name: 'Draw' }).click();
  const pad = page.getByRole('img', { name: 'Draw' });
  const box = await pad.boundingBox();
  if (!box) throw new Error('no drawing area');
  // a T-shirt-ish outline: black ink on the white pad
  const pts: [number, number][] = [
    [0.3, 0.2],
    [0.7, 0.2],
    [0.85, 0.4],
    [0.7, 0.45],
    [0.7, 0.85],
    [0.3, 0.85],
    [0.3, 0.45],
    [0.15, 0.4],
    [0.3, 0.2],
  ];
  await page.mouse.move(
    box.x + (pts[0] as [number, number])[0] * box.width,
    box.y + (pts[0] as [number, number])[1] * box.height,
  );
  await page.mouse.down();
  for (const [x, y] of pts) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Use drawing' }).click();
  await expect(page.getByText(/The background was light, so the picture was inverted/)).toBeVisible();
  await expect(page).toHaveURL(/input=draw%3A/);
  await traced(page);
  // at the input, the background is black (0) and the ink bright: mostly zeros, low mean
  await expect(shape(page)).toHaveText('(1, 1, 64, 64)');
  const mean = Number(await page.locator('[data-stat="mean"]').textContent());
  const max = Number(await page.locator('[data-stat="max"]').textContent());
  expect(mean).toBeLessThan(0.4);
  expect(max).toBeGreaterThan(0.9);
  // the link reproduces the drawing
  const url = page.url();
  await page.goto(url);
  await traced(page);
  expect(Number(await page.locator('[data-stat="mean"]').textContent())).toBeCloseTo(mean, 2);
});

test('an uploaded photo is prepared the same way and stays out of the link', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:3');
  await traced(page);
  // a light photo: a dark bag-shaped block on a white background
  const png = new PNG({ width: 120, height: 80 });
  for (let y = 0; y < 80; y++) {
    for (let x = 0; x < 120; x++) {
      const ink = x > 30 && x < 90 && y > 20 && y < 70;
      const i = (y * 120 + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = ink ? 30 : 245;
      png.data[i + 3] = 255;
    }
  }
  await page
    .getByLabel('Upload a picture')
    .setInputFiles({ name: 'bag.png', mimeType: 'image/png', buffer: PNG.sync.write(png) });
  await expect(page.getByText(/it is not put in the link/)).toBeVisible();
  await expect(page.getByText(/so the picture was inverted/)).toBeVisible();
  await expect(page).not.toHaveURL(/input=/);
  await traced(page);
  await expect(page.getByRole('img', { name: 'What the network sees' })).toBeVisible();
  expect(Number(await page.locator('[data-stat="max"]').textContent())).toBeGreaterThan(0.8);
});

/** A fingerprint of what a canvas shows (its pixels as a PNG data URL). */
const picture = (page: Page, name: RegExp) =>
  page.getByRole('img', { name }).evaluate((c) => (c as HTMLCanvasElement).toDataURL());

test('the largest feature-map grid (b1.conv at 224) redraws for every colour scale and step', async ({ page }) => {
  await page.goto('/?backend=wasm&size=224&input=rand:0&step=b1.conv');
  await traced(page);
  const grid = /Feature maps of Conv2d/;
  await expect(page.getByRole('img', { name: grid })).toBeVisible();
  await expect(shape(page)).toHaveText('(1, 64, 112, 112)');
  const scale = page.getByLabel('Colour scale');
  const perChannel = await picture(page, grid);
  await scale.selectOption('layer');
  await expect(page).toHaveURL(/view=layer/);
  await expect.poll(() => picture(page, grid)).not.toBe(perChannel);
  await scale.selectOption('global');
  await expect(page).toHaveURL(/view=global/);
  await scale.selectOption('channel');
  await expect.poll(() => picture(page, grid)).toBe(perChannel);
  // the next operation (batch norm) has the same 64 × 112×112 grid and another picture
  await page.keyboard.press(']');
  await expect(page).toHaveURL(/step=b1\.bn(&|$)/);
  await expect(shape(page)).toHaveText('(1, 64, 112, 112)');
  const bn = /Feature maps of BatchNorm2d/;
  await expect(page.getByRole('img', { name: bn })).toBeVisible();
  expect(await picture(page, bn)).not.toBe(perChannel);
  // and back: the convolution's picture again, exactly
  await page.keyboard.press('[');
  await expect(page).toHaveURL(/step=b1\.conv(&|$)/);
  await expect.poll(() => picture(page, grid)).toBe(perChannel);
  // each redraw is timed by the page (npm run bench -- --browser prints the figures)
  const draws = await page.evaluate(() => performance.getEntriesByName('stepper:grid').length);
  expect(draws).toBeGreaterThanOrEqual(5);
});

test('[ goes back one operation and ← one step at the current level', async ({ page }) => {
  const nodes = archNodes(RESNET18, [1, 1, 224, 224]);
  const at = nodes.findIndex((n) => n.path === 'b3.0.conv1');
  const before = nodes[at - 1];
  if (!before) throw new Error('b3.0.conv1 has no operation before it');
  await page.goto('/?backend=wasm&size=224&input=rand:0&step=b3.0.conv1');
  await traced(page);
  await page.keyboard.press('[');
  await expect(page).toHaveURL(new RegExp(`step=${before.path.replace(/\./g, '\\.')}(&|$)`));
  await expect(shape(page)).toHaveText(`(${before.shape.join(', ')})`);
  await page.keyboard.press('[');
  await expect(page).toHaveURL(new RegExp(`step=${(nodes[at - 2]?.path ?? '').replace(/\./g, '\\.')}(&|$)`));
  // ← at the top level: from b4 to b3, then to b2
  await page.goto('/?backend=wasm&size=224&input=rand:0&step=b4');
  await traced(page);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/step=b3(&|$)/);
  await expect(shape(page)).toHaveText('(1, 128, 28, 28)');
  await page.keyboard.press('ArrowLeft');
  await expect(crumbs(page).locator('[aria-current="location"]')).toHaveText('b2');
  // at the input, both keys stay put
  await page.keyboard.press('Home');
  await page.keyboard.press('[');
  await page.keyboard.press('ArrowLeft');
  await expect(shape(page)).toHaveText('(1, 1, 224, 224)');
});

test('the page shows progress and stays responsive while a large trace computes on the CPU', async ({ page }) => {
  // the plain-JavaScript backend at 224 takes seconds anywhere, so the trace is caught mid-way
  await page.goto('/?backend=cpu&size=224&input=rand:0');
  const progress = page.getByRole('progressbar', { name: 'Operations computed' });
  await expect(progress).toBeVisible();
  const done = Number(await progress.getAttribute('value'));
  expect(done).toBeLessThan(66);
  // the page answers while the pass runs: the language switch works mid-trace
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ResNet 图解');
  await expect(page.getByText(/上追踪了 66 个运算/)).toBeVisible({ timeout: 60_000 });
});

test('a teacher hides panels for class, and the link keeps the choice', async ({ page }) => {
  await page.goto('/?backend=wasm&step=b2.0.add');
  await traced(page);
  await expect(page.getByRole('heading', { name: 'The d2l notebook’s code' })).toBeVisible();
  await page.getByText('For class: choose what to show').click();
  await page.getByRole('checkbox', { name: 'The d2l notebook’s code and the notebook’s output' }).uncheck();
  await page.getByRole('checkbox', { name: 'The input and the predictions' }).uncheck();
  await expect(page).toHaveURL(/hide=code%2Cside|hide=code,side/);
  await expect(page.getByRole('heading', { name: 'The d2l notebook’s code' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Input' })).toBeHidden();
  await page.goto(page.url());
  await traced(page);
  await expect(page.getByRole('heading', { name: 'The d2l notebook’s code' })).toBeHidden();
  await expect(page.getByRole('img', { name: 'Y = F(x) + x', exact: true })).toBeVisible();
});

test('a convolution step fills in the output-size arithmetic with its own numbers', async ({ page }) => {
  await page.goto('/?backend=wasm&size=224&input=rand:0&step=b1.conv');
  await traced(page);
  await expect(page.getByText('Here: 64 filters of 7×7×1, stride 2, padding 3')).toBeVisible();
  await expect(page.getByText(/⌊\(224 \+ 2·3 − 7\)\/2⌋ \+ 1 = 112/)).toBeVisible();
  await page.goto('/?backend=wasm&size=224&input=rand:0&step=b3.0.conv3');
  await traced(page);
  await expect(
    page.getByText(/128 filters of 1×1×64, stride 2, padding 0.*⌊\(56 \+ 2·0 − 1\)\/2⌋ \+ 1 = 28/),
  ).toBeVisible();
});
