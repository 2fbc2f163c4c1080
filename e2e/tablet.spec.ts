/** Tablet: a swipe steps the stepper and the lesson, never takes a stroke from the drawing pad; a finger draws; nothing overflows. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A one-finger horizontal swipe of `dx` pixels starting at the middle of `selector`. */
async function swipe(page: Page, selector: string, dx: number) {
  await page
    .locator(selector)
    .first()
    .evaluate((el, dx) => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + Math.min(r.height / 2, 40);
      const touch = (cx: number) => new Touch({ identifier: 1, target: el, clientX: cx, clientY: y });
      el.dispatchEvent(
        new TouchEvent('touchstart', { bubbles: true, touches: [touch(x)], changedTouches: [touch(x)] }),
      );
      el.dispatchEvent(new TouchEvent('touchend', { bubbles: true, touches: [], changedTouches: [touch(x + dx)] }));
    }, dx);
}

test('a swipe steps the stepper and the lesson, but not on the drawing pad; a finger draws', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  await page.goto('/?backend=wasm&size=64&input=rand:0&step=b2');
  await expect(page.locator('.trace-status')).toHaveText(/Traced/, { timeout: 90_000 });
  await swipe(page, '.tensor-panel', -120);
  await expect(page).toHaveURL(/step=b3(&|#|$)/);
  await swipe(page, '.tensor-panel', 120);
  await expect(page).toHaveURL(/step=b2(&|#|$)/);

  // a finger stroke on the pad draws and does not step
  await page.getByRole('button', { name: 'Draw' }).click();
  const pad = page.getByRole('img', { name: 'Draw' });
  await swipe(page, '.draw-canvas', -120);
  await expect(page).toHaveURL(/step=b2(&|#|$)/);
  const box = (await pad.boundingBox())!;
  await pad.evaluate((el, box) => {
    const ev = (type: string, x: number) =>
      new PointerEvent(type, {
        bubbles: true,
        pointerId: 7,
        pointerType: 'touch',
        isPrimary: true,
        buttons: type === 'pointerup' ? 0 : 1,
        clientX: box.x + x,
        clientY: box.y + box.height / 2,
      });
    el.dispatchEvent(ev('pointerdown', 10));
    for (let x = 20; x < box.width - 10; x += 10) el.dispatchEvent(ev('pointermove', x));
    el.dispatchEvent(ev('pointerup', box.width - 10));
  }, box);
  await page.getByRole('button', { name: 'Use drawing' }).click();
  await expect(page).toHaveURL(/input=draw%3A/);

  // in the lesson, a swipe outside the stepper moves a stop
  await page.goto('/?backend=wasm&lesson=2');
  await swipe(page, '.lesson-bar', -120);
  await expect(page).toHaveURL(/lesson=3(&|#|$)/);
  await context.close();
});

for (const [w, h] of [
  [768, 1024],
  [1024, 768],
] as const) {
  test(`nothing overflows at ${w}×${h}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    for (const route of ['function-classes', 'residual-block', 'resnet-18']) {
      await page.goto(`/?backend=wasm&size=64&input=rand:0&step=b3.0.add#/${route}`);
      await expect(page.locator('main h2').first()).toBeAttached();
      if (route === 'resnet-18') await expect(page.locator('.trace-status')).toHaveText(/Traced/, { timeout: 90_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, route).toBeLessThanOrEqual(0);
    }
  });
}

test('a tablet held upright: the diagram keeps readable labels and scrolls sideways to the current step', async ({
  page,
}) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto('/?backend=wasm&size=64&input=rand:0&step=b5.1.conv2');
  const diagram = page.getByRole('group', { name: /^ResNet-18/ });
  const current = diagram.locator('[aria-current="step"]');
  await expect(current).toBeAttached({ timeout: 90_000 });
  // the shape under each box's name, in CSS pixels on screen
  const shapeSize = await diagram
    .locator('.box-shape')
    .first()
    .evaluate((el) => {
      const m = (el as SVGGraphicsElement).getScreenCTM();
      return parseFloat(getComputedStyle(el).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
    });
  expect(shapeSize).toBeGreaterThanOrEqual(10);
  // the picture is wider than its column and scrolls; the current step (far right, in b5) is in view
  const view = page.locator('.diagram-view');
  expect(await view.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(0);
  const [box, frame] = [await current.boundingBox(), await view.boundingBox()];
  expect(box!.x).toBeGreaterThanOrEqual(frame!.x);
  expect(box!.x + box!.width).toBeLessThanOrEqual(frame!.x + frame!.width);
  // a sideways drag on the diagram scrolls it; it does not step
  await swipe(page, '.diagram-view', -200);
  await expect(page).toHaveURL(/step=b5\.1\.conv2/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
