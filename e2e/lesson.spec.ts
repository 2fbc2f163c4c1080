/** The guided lesson: links to a stop, leaving it, reloading inside it (the whole walk: e2e/lesson-walk.spec.ts). */
import { expect, test } from './fixtures';
import { LESSON_STOPS } from '../src/explain/lesson/stops';
import { expectStop } from './lessonChecks';

test('?lesson=5 opens stop 5, the buttons and the stop list move, leaving keeps the view', async ({ page }) => {
  await page.goto('/?lesson=5&backend=wasm');
  await expectStop(page, 'en', 5);
  const bar = page.getByRole('region', { name: 'Lesson', exact: true });
  await bar.getByRole('button', { name: 'Next stop' }).click();
  await expectStop(page, 'en', 6);
  await page.getByRole('combobox', { name: 'All stops' }).selectOption({ index: 14 });
  await expectStop(page, 'en', 15);
  // the view is the stop's as pinned: the link names the stop alone
  await expect(page).not.toHaveURL(/step=/);
  await page.getByRole('button', { name: 'Previous stop' }).click();
  await expectStop(page, 'en', 14);
  await page.getByRole('button', { name: 'Leave the lesson' }).click();
  await expect(page.getByRole('button', { name: 'Next stop' })).toHaveCount(0);
  await expect(page).not.toHaveURL(/lesson=/);
  await expect(page).toHaveURL(/step=b1\.conv/);
  await expect(page).toHaveURL(/#\/resnet-18$/);
  // the chapter stays usable: the stepper's keys still step
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/step=b1\.bn/);
});

test('a reload after stepping inside a stop shows the same step, still at that stop; PageDown goes on as pinned', async ({
  page,
}) => {
  const n = LESSON_STOPS.findIndex((s) => s.id === 'block') + 1;
  const here = page.getByRole('navigation', { name: 'Where you are' }).locator('[aria-current="location"]');
  await page.goto(`/?lesson=${n}&backend=wasm`);
  await expectStop(page, 'en', n);
  await expect(here).toHaveText('Residual 0', { timeout: 90_000 });
  await page.keyboard.press('ArrowDown');
  await expect(here).toHaveText('conv1 (3×3, stride 2)');
  await expect(page).toHaveURL(new RegExp(`step=b3\\.0\\.conv1&lesson=${n}#`));
  await page.reload();
  await expectStop(page, 'en', n);
  await expect(here).toHaveText('conv1 (3×3, stride 2)', { timeout: 90_000 });
  // the next stop opens as it is pinned
  await page.keyboard.press('PageDown');
  await expectStop(page, 'en', n + 1);
  await expect(here).toHaveText('conv3 (1×1, stride 2)');
  await expect(page).not.toHaveURL(/step=/);
});

test('the bare address says where to begin; each chapter links to the next', async ({ page }) => {
  await page.goto('/');
  const start = page.getByRole('region', { name: 'Where to begin' });
  await expect(start.getByRole('link')).toHaveText([
    '1 · Function classes',
    '2 · The residual block',
    '3 · The network',
    '4 · Train it live',
  ]);
  await start.getByRole('link', { name: '1 · Function classes' }).click();
  await page.getByRole('link', { name: 'Next chapter: 2 · The residual block →' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'The residual block' })).toBeVisible();
  await page.getByRole('link', { name: 'Next chapter: 3 · The network →' }).click();
  await expect(page).toHaveURL(/#\/resnet-18$/);
  await page.getByRole('link', { name: 'Next chapter: 4 · Train it live →' }).click();
  await expect(page).toHaveURL(/#\/race$/);
  await page
    .getByRole('navigation', { name: 'Next chapter' })
    .getByRole('button', { name: 'Start the lesson' })
    .click();
  await expectStop(page, 'en', 1);
});

for (const [w, h] of [
  [1920, 1080],
  [1366, 768],
] as const) {
  test(`projector mode at ${w}×${h}: the stop's caption and its region on the first screen`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    for (const n of [2, 9, 19]) {
      await page.goto(`/?lesson=${n}&projector=1&backend=wasm`);
      await expectStop(page, 'en', n);
      if (LESSON_STOPS[n - 1]!.chapter === 'resnet-18')
        await expect(page.getByText(/Traced 66 operations/)).toBeVisible({ timeout: 90_000 });
      const caption = page.locator('.lesson-caption');
      const box = await caption.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(h);
      const region = page.locator('.lesson-focus');
      await expect(region).toBeInViewport();
      await page.screenshot({ path: test.info().outputPath(`lesson-${n}-${w}x${h}.png`) });
    }
  });
}
