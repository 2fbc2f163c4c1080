/** Presenter tools: the `?` key overlay (from the same action lists as the buttons), fullscreen, projector mode everywhere. */
import { expect, test } from './fixtures';

test('? lists the keys of the page you are on, and Escape closes it', async ({ page }) => {
  await page.goto('/?backend=wasm&size=64&input=rand:0');
  await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keys on this page' });
  await expect(dialog).toBeVisible();
  const stepper = dialog.getByRole('region', { name: '3 · The network' });
  // every button of the stepper's toolbar appears with its key
  for (const [key, name] of [
    ['→', 'Next step'],
    ['↓', 'Step into'],
    ['Space', 'Play'],
    ['End', 'Go to the output'],
  ] as const) {
    await expect(stepper.getByRole('definition').filter({ hasText: name })).toHaveCount(1);
    await expect(stepper.getByText(key, { exact: true })).toBeVisible();
  }
  await expect(dialog.getByRole('region', { name: 'Every page' })).toContainText('Fullscreen');
  // outside the lesson a clicker's PageDown starts it, from any page
  await expect(dialog.getByRole('region', { name: 'Every page' })).toContainText('Page DownStart the lesson');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.goto('/?backend=wasm&lang=zh#/residual-block');
  await expect(page.getByRole('heading', { name: '残差块', level: 2 })).toBeVisible();
  await page.keyboard.press('?');
  const zh = page.getByRole('dialog', { name: '本页的按键' });
  await expect(zh.getByRole('region', { name: '2 · 残差块' })).toContainText('数据通路的下一步');
  await expect(zh).not.toContainText(/ArrowRight|keys\./);
  await zh.getByRole('button', { name: '关闭' }).click();
  await expect(zh).toBeHidden();
});

test('in the lesson, the overlay lists the clicker keys', async ({ page }) => {
  await page.goto('/?lesson=2&lang=zh&backend=wasm');
  await page.getByRole('button', { name: '显示按键' }).click();
  const dialog = page.getByRole('dialog', { name: '本页的按键' });
  await expect(dialog.getByRole('region', { name: '所有页面' })).toContainText('下翻页键');
  await expect(dialog.getByRole('region', { name: '所有页面' })).toContainText('下一站');
});

test('fullscreen toggles from the button and the f key', async ({ page }) => {
  await page.goto('/?backend=wasm#/function-classes');
  const button = page.getByRole('button', { name: 'Fullscreen' });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press('f');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
});

test('projector mode enlarges every chapter and the lesson, with p as its key', async ({ page }) => {
  for (const route of ['function-classes', 'residual-block', 'resnet-18']) {
    await page.goto(`/?backend=wasm#/${route}`);
    // the stepper's chrome shrinks in projector mode; its explanation of the step is what grows
    const h2 = page.locator(route === 'resnet-18' ? '.explanation' : 'main h2').first();
    const before = await h2.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await page.keyboard.press('p');
    await expect(page).toHaveURL(/projector=1/);
    const after = await h2.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(after, route).toBeGreaterThan(before * 1.2);
  }
  await page.goto('/?backend=wasm&lesson=3&projector=1');
  const title = page.getByRole('region', { name: 'Lesson', exact: true }).getByRole('heading');
  expect(await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(22);
});
