/** The guided lesson: every stop with the clicker's keys in both languages, links to a stop, leaving it. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LESSON_STOPS } from '../src/explain/lesson/stops';
import { lessonStrings } from '../src/i18n/lesson';

const UNTRANSLATED = /\b(lesson|keys|start|stepper|url|nextChapter|copyLink|functionClasses|residualBlock)\.[a-zA-Z_]+/;

async function expectStop(page: Page, lang: 'en' | 'zh', n: number) {
  const words = lessonStrings[lang].lesson;
  const stop = LESSON_STOPS[n - 1]!;
  const bar = page.getByRole('region', { name: words.label, exact: true });
  await expect(bar.getByRole('heading', { level: 2 })).toHaveText(words.stop[stop.id as keyof typeof words.stop].title);
  await expect(bar).toContainText(
    words.progress.replace('{{n}}', String(n)).replace('{{total}}', String(LESSON_STOPS.length)),
  );
  await expect(page).toHaveURL(new RegExp(`lesson=${n}(&|#|$)`));
  await expect(page).toHaveURL(new RegExp(`#/${stop.chapter}$`));
  // the part of the page the stop talks about is marked, once
  await expect(page.getByText(words.here, { exact: true })).toHaveCount(1);
  expect(await page.locator('body').innerText()).not.toMatch(UNTRANSLATED);
}

for (const lang of ['en', 'zh'] as const) {
  test(`the whole lesson with PageDown and back with PageUp (${lang})`, async ({ page, consoleErrors }) => {
    test.setTimeout(300_000);
    await page.goto(`/?lang=${lang}&backend=wasm`);
    await page.getByRole('button', { name: lessonStrings[lang].lesson.start }).first().click();
    await expectStop(page, lang, 1);
    for (let n = 2; n <= LESSON_STOPS.length; n++) {
      // a stop with a click task: PageDown does the task first (e2e/clicker.spec.ts); the bar's button moves on at once
      if (LESSON_STOPS[n - 2]!.task)
        await page
          .getByRole('region', { name: lessonStrings[lang].lesson.label, exact: true })
          .getByRole('button', { name: lessonStrings[lang].lesson.next })
          .click();
      else await page.keyboard.press('PageDown');
      await expectStop(page, lang, n);
    }
    await page.keyboard.press('PageDown');
    await expectStop(page, lang, LESSON_STOPS.length);
    await page.keyboard.press('PageUp');
    await expectStop(page, lang, LESSON_STOPS.length - 1);
    expect(consoleErrors).toEqual([]);
  });
}

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
