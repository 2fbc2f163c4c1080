/**
 * The guided lesson, walked once per viewport and language, with every check each stop needs:
 * - at 1366×768, from the bare address with the clicker's keys (PageDown, and the bar's button
 *   after a stop whose task the clicker would do first, e2e/clicker.spec.ts): the bar says the
 *   stop, in the page's language;
 * - in projector mode at 1280×720: axe finds no serious or critical violation in the bar and the
 *   outlined region;
 * - at both: the outlined region's key element (src/ui/lesson/regionKeys.ts) is on screen, not
 *   under the bar nor under a sticky toolbar, and the bar is one line.
 * One walk per case, so consecutive stops reuse the page's traces as a class would.
 */
import { expect, test } from './fixtures';
import { LESSON_STOPS } from '../src/explain/lesson/stops';
import { keySelector } from '../src/ui/lesson/regionKeys';
import { lessonStrings } from '../src/i18n/lesson';
import { barGap, barOneLine, expectStop, formulaSizes, keyShown, seriousViolations, stopMenu } from './lessonChecks';
import type { Page } from '@playwright/test';

async function readable(page: Page, n: number, lang: 'en' | 'zh') {
  const stop = LESSON_STOPS[n - 1]!;
  const selector = keySelector(stop.id, stop.region);
  await expect.poll(() => keyShown(page, selector), { timeout: 90_000, message: `stop ${n}` }).toBe('ok');
  expect(await barOneLine(page), `stop ${n}: the bar is one line`).toBe(true);
  // (within a pixel: a page whose height is a fraction of a pixel ends a fraction short when scrolled to its end)
  // (polled: while a chapter re-renders below the region, the page's end can pass by for a moment)
  await expect
    .poll(() => barGap(page), { timeout: 15_000, message: `stop ${n}: the bar meets the window's bottom edge` })
    .toBeLessThan(1);
  // the stop menu's face: the stop's label whole, or cut with an ellipsis and whole in its title
  const menu = await stopMenu(page);
  const titles = lessonStrings[lang].lesson.stop;
  expect(menu?.label, `stop ${n}: the menu`).toBe(`${n} · ${titles[stop.id as keyof typeof titles].title}`);
  expect(menu?.fits || menu?.ellipsis, `stop ${n}: "${menu?.label}" fits the menu or ends in an ellipsis`).toBe(true);
  expect(menu?.title, `stop ${n}: the menu's title`).toBe(menu?.label);
  if (n === 1)
    expect(menu?.options).toEqual(
      LESSON_STOPS.map((s, i) => `${i + 1} · ${titles[s.id as keyof typeof titles].title}`),
    );
}

for (const lang of ['en', 'zh'] as const) {
  const words = lessonStrings[lang].lesson;

  test(`at 1366×768, the whole lesson from the bare address with PageDown and back with PageUp, every stop readable (${lang})`, async ({
    page,
    consoleErrors,
  }) => {
    test.setTimeout(600_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`/?lang=${lang}`);
    await page.getByRole('button', { name: words.start }).first().click();
    for (let n = 1; n <= LESSON_STOPS.length; n++) {
      if (n > 1) {
        if (LESSON_STOPS[n - 2]!.task)
          await page
            .getByRole('region', { name: words.label, exact: true })
            .getByRole('button', { name: words.next })
            .click();
        else await page.keyboard.press('PageDown');
      }
      await expectStop(page, lang, n);
      await readable(page, n, lang);
    }
    await page.keyboard.press('PageDown');
    await expectStop(page, lang, LESSON_STOPS.length);
    await page.keyboard.press('PageUp');
    await expectStop(page, lang, LESSON_STOPS.length - 1);
    expect(consoleErrors).toEqual([]);
  });

  test(`in projector mode at 1280×720, every stop readable above the bar, and no serious axe violation (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(600_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/?lang=${lang}&lesson=1&projector=1`);
    const next = page.getByRole('region', { name: words.label, exact: true }).getByRole('button', { name: words.next });
    for (let n = 1; n <= LESSON_STOPS.length; n++) {
      if (n > 1) await next.click();
      await expect(page).toHaveURL(new RegExp(`lesson=${n}(&|#|$)`));
      await readable(page, n, lang);
      // a formula keeps its projector size, stacked or scrolled rather than shrunk (stop 14's was at 60 %)
      const formulas = await formulaSizes(page);
      if (LESSON_STOPS[n - 1]!.id === 'b1') expect(formulas, "b1's output-size formula").not.toHaveLength(0);
      for (const f of formulas) {
        expect(f.ofColumn, `stop ${n}: the formula's type over its column's`).toBe(1.15);
        expect(f.columnOfRoot, `stop ${n}: the formula's column at the page's type`).toBeGreaterThanOrEqual(1);
      }
      if (LESSON_STOPS[n - 1]!.chapter === 'resnet-18')
        await expect(page.locator('.trace-status')).toHaveText(/Traced|追踪了/, { timeout: 90_000 });
      // what a stop adds to its chapter (each chapter is checked whole by e2e/accessibility.spec.ts)
      expect(await seriousViolations(page, ['.lesson-bar', '.lesson-focus']), `stop ${n}`).toEqual([]);
    }
  });
}
