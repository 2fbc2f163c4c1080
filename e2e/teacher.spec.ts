/** What a teacher and a student tripped over, each fixed and kept so. */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`projector at ${w}×${h}: the current tensor starts on the first screen`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/?backend=wasm&projector=1&hide=code,side&step=b3.0.add&size=224&input=rand:0');
    const maps = page.getByRole('img', { name: 'F(x) = bn2(conv2(…))', exact: true });
    await expect(maps).toBeVisible({ timeout: 90_000 });
    const box = await maps.boundingBox();
    expect(box!.y).toBeLessThan(h - 80);
    // the caption of the step is on the first screen too
    const caption = await page.locator('.explanation').boundingBox();
    expect(caption!.y + 20).toBeLessThan(h);
  });
}

/** How large a drawing's text is on screen, in CSS pixels: its font size times its drawing's scale. */
const drawnSize = (text: Locator) =>
  text.evaluate((el) => {
    const m = (el as SVGGraphicsElement).getScreenCTM();
    return parseFloat(getComputedStyle(el).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
  });
const bodyTextSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));

/** Each text's drawn size before and after `p`, checked to grow by the page text's factor (a few per cent either way). */
async function expectGrowthWithPage(page: Page, texts: Record<string, Locator>) {
  const before: Record<string, number> = {};
  for (const [name, text] of Object.entries(texts)) before[name] = await drawnSize(text.first());
  const bodyBefore = await bodyTextSize(page);
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/projector=1/);
  const factor = (await bodyTextSize(page)) / bodyBefore;
  expect(factor).toBeGreaterThan(1.2);
  for (const [name, text] of Object.entries(texts)) {
    // the drawing redraws on the mode change: wait for the new size rather than read a stale one
    await expect
      .poll(async () => (await drawnSize(text.first())) / before[name]!, { message: name })
      .toBeGreaterThan(factor * 0.95);
    expect((await drawnSize(text.first())) / before[name]!, name).toBeLessThan(factor * 1.05);
  }
}

test('projector at 1920×1080: the drawings’ text grows as much as the page’s', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?backend=wasm&hide=code,side&step=b3.0.add&input=rand:0');
  await expect(page.getByRole('img', { name: 'F(x) = bn2(conv2(…))', exact: true })).toBeVisible({ timeout: 90_000 });
  const diagram = page.getByRole('group', { name: /^ResNet-18/ });
  await expectGrowthWithPage(page, {
    'diagram shape': diagram.locator('.box-shape'),
    'diagram parameter count': diagram.locator('.box-params').filter({ hasText: /params/ }),
    'colour bar number': page.locator('.addition-part .legend-tick'),
  });

  await page.goto('/?backend=wasm#/function-classes');
  const chart = page.getByRole('img', { name: 'Distance from f* to the best approximation in each class' });
  await expect(chart).toBeVisible();
  await expectGrowthWithPage(page, {
    'chart axis title': chart.locator('text.axis-label'),
    'chart tick label': chart.locator('.x-axis text'),
  });
});

for (const [w, h, step] of [
  [1366, 768, ''],
  [1366, 768, 'b3.0.add'],
  [1280, 720, ''],
  [1280, 720, 'b3.0.add'],
] as const) {
  test(`a student's laptop at ${w}×${h}${step ? `, ${step}` : ''}: the step, its shape and the feature maps start on the first screen`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(`/?backend=wasm${step ? `&step=${step}` : ''}`);
    const maps = page.getByRole('region', { name: 'Feature maps' }).getByRole('img').first();
    await expect(maps).toBeVisible({ timeout: 90_000 });
    // the grid's top rows, not just its edge
    expect((await maps.boundingBox())!.y + 40, 'the feature maps').toBeLessThanOrEqual(h);
    for (const [what, part] of [
      ['the step', page.locator('.explanation strong')],
      ['the shape', page.getByRole('status', { name: 'Shape' })],
    ] as const) {
      const box = (await part.boundingBox())!;
      expect(box.y + box.height, what).toBeLessThanOrEqual(h);
    }
    // what was moved aside stays one click away
    await expect(page.getByRole('combobox', { name: 'Network' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'What the trace costs' })).toBeVisible();
  });
}

test('the code panel shows the input really used; one click gives the book’s', async ({ page }) => {
  await page.goto('/?backend=wasm&step=input');
  const code = page.getByRole('region', { name: 'The d2l notebook’s code' });
  await expect(code.locator('[aria-current="true"]')).toContainText(
    /here: held-out image c0-6000, shape \(1, 1, 64, 64\)/,
  );
  await page.getByRole('button', { name: 'As in the book: 224×224, torch.rand' }).click();
  await expect(page).toHaveURL(/size=224/);
  await expect(page).toHaveURL(/input=rand%3A0/);
  await expect(code.locator('[aria-current="true"]')).toContainText('X = torch.rand(size=(1, 1, 224, 224))');
  await expect(code.locator('[aria-current="true"]')).not.toContainText('here:');
  await expect(page.getByRole('button', { name: 'As in the book: 224×224, torch.rand' })).toHaveCount(0);
  await expect(code).toContainText('print(Y.shape)  # added by this notebook');
});

test('noise gets no confident reading and no true-label mark', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:0');
  await expect(page.getByText(/The input is random noise/)).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('.chart-key')).not.toContainText('true label');
  await page.goto('/?backend=wasm&input=sample:c9-6000');
  await expect(page.locator('.chart-key')).toContainText(/true label/);
  await expect(page.getByText(/The input is random noise/)).toHaveCount(0);
});

test('Chinese words: one name for the notebook, full-width colons', async ({ page }) => {
  await page.goto('/?backend=wasm&lang=zh&input=rand:0');
  await expect(page.getByText(/追踪了/)).toBeVisible({ timeout: 90_000 });
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/种子笔记|原文|Notebook 输出|运行于:|形状 在此失败/);
  await expect(page.getByRole('status', { name: '运行于' })).toContainText('运行于：');
});

test('a dragged f* goes into the link', async ({ page }) => {
  await page.goto('/?backend=wasm&fstar=30,60#/function-classes');
  const star = page.getByLabel(/The truth f\* at \(30, 60\)/).first();
  await expect(star).toBeAttached();
  await star.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/fstar=31\.0%2C60\.0|fstar=31\.0,60\.0/);
});

test('the last step shows the logits as a labelled bar chart beside the softmax', async ({ page }) => {
  await page.goto('/?backend=wasm&input=sample:c9-6000&step=linear');
  const chart = page.getByRole('list', { name: /The ten logits/ });
  await expect(chart.getByRole('listitem')).toHaveCount(10, { timeout: 90_000 });
  await expect(chart.getByRole('listitem').first()).toHaveAccessibleName(
    /^T-shirt\/top: -?\d+\.\d\d$|^\S.*: -?\d+\.\d\d$/,
  );
  await expect(page.getByLabel('Colour scale')).toHaveCount(0);
  await expect(page.getByRole('list', { name: /probabilities/i })).toBeVisible();
});
