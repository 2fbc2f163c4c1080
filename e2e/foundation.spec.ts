import { readFileSync } from 'node:fs';
import { expect, NOTEBOOK_SHAPES, shownBackend, test } from './fixtures';

const notebookPrintout = readFileSync(
  new URL('../src/explain/__fixtures__/notebook-cell9.txt', import.meta.url),
  'utf8',
).trimEnd();

/** The diagram labels every layer with its output shape; at the last step the console has printed all of cell 9. */
async function expectNotebookShapes(page: import('@playwright/test').Page) {
  const diagram = page.getByRole('group', { name: /ResNet-18, the d2l notebook/ });
  for (const [layer, shape] of NOTEBOOK_SHAPES) {
    await expect(diagram.getByRole('button', { name: `${layer}, output ${shape}`, exact: true })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Go to the output' }).click();
  await expect(page.getByRole('figure', { name: 'Notebook output' }).locator('pre')).toHaveText(notebookPrintout);
}

// one WebGPU page (on SwiftShader a trace there takes 10–30 s): also the stepper's WebGPU smoke test
test("traces the notebook's example on WebGPU, opens a shared step there and shows the notebook's shapes", async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?backend=webgpu&size=224&step=b2.0.add');
  expect(await shownBackend(page)).toBe('webgpu');
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible({ timeout: 90_000 });
  // the shared step opens and shows its tensor
  await expect(page.getByRole('status', { name: 'Shape' })).toHaveText('(1, 64, 56, 56)');
  await expect(page.getByRole('img', { name: 'Y = F(x) + x', exact: true })).toBeVisible();
  await expectNotebookShapes(page);
  expect(consoleErrors).toEqual([]);
});

test('forcing WASM traces the same shapes', async ({ page, consoleErrors }) => {
  await page.goto('/?backend=wasm&size=224');
  expect(await shownBackend(page)).toBe('wasm');
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible();
  await expectNotebookShapes(page);
  expect(consoleErrors).toEqual([]);
});

test('without WebGPU the page falls back and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined });
  });
  await page.goto('/?backend=webgpu');
  const backend = await shownBackend(page);
  expect(backend).not.toBe('webgpu');
  await expect(page.getByText(/WebGPU \(GPU\) is not available here/)).toBeVisible();
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible();
});

test("chapters in the notebook's order, language in the URL", async ({ page }) => {
  await page.goto('/?backend=wasm');
  const nav = page.getByRole('navigation', { name: 'Chapters' });
  await expect(nav.getByRole('link')).toHaveText([
    '1 · Function classes',
    '2 · The residual block',
    '3 · The network',
    '4 · Train it live',
  ]);
  await expect(nav.getByRole('link', { name: '3 · The network' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: '2 · The residual block' }).click();
  await expect(page).toHaveURL(/#\/residual-block$/);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('The residual block');
  await page.getByLabel('Language').selectOption('zh');
  await expect(page).toHaveURL(/lang=zh/);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('残差块');
  await page.goto('/?lang=zh&backend=wasm#/function-classes');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('为什么嵌套函数类很重要');
});

test('a bad link value is reported, not fatal', async ({ page }) => {
  await page.goto('/?size=9999&backend=wasm');
  await expect(page.getByRole('alert').filter({ hasText: 'size=9999' })).toBeVisible();
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible();
});

test('projector mode makes the type larger and stays in the link', async ({ page }) => {
  await page.goto('/?backend=wasm');
  // the lesson's content grows; the page's chrome (title, buttons) shrinks to leave it the screen
  const heading = page.locator('.explanation');
  const before = await heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await page.getByRole('button', { name: 'Projector mode' }).click();
  await expect(page).toHaveURL(/projector=1/);
  await expect(page.getByRole('button', { name: 'Projector mode' })).toHaveAttribute('aria-pressed', 'true');
  const after = await heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(after).toBeGreaterThan(before * 1.2);
});
