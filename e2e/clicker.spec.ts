/**
 * A teacher holding only a clicker (PageDown, PageUp): starts the lesson from any chapter,
 * and does every stop's click task with it — the experiment (stop 5), the data path (stop 8),
 * the identity measurement (stop 12) — then moves on. Stop 5 shows a recorded result, labelled
 * as such, until the live one arrives. The `?` overlay lists the task's key.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LESSON_STOPS } from '../src/explain/lesson/stops';
import { lessonStrings } from '../src/i18n/lesson';
import { functionClassesStrings } from '../src/i18n/functionClasses';

const stopOf = (id: string) => LESSON_STOPS.findIndex((s) => s.id === id) + 1;
const atStop = (page: Page, n: number) => expect(page).toHaveURL(new RegExp(`lesson=${n}(&|#|$)`));

for (const lang of ['en', 'zh'] as const) {
  const words = lessonStrings[lang].lesson;
  const fc = functionClassesStrings[lang].functionClasses.experiment;

  test(`PageDown starts the lesson from the first page and from any chapter (${lang})`, async ({ page }) => {
    await page.goto(`/?lang=${lang}`);
    await expect(page.getByRole('button', { name: words.start }).first()).toBeVisible();
    await page.keyboard.press('PageDown');
    await atStop(page, 1);
    await expect(page.getByRole('region', { name: words.label, exact: true })).toBeVisible();
    await page.goto(`/?lang=${lang}#/race`);
    await expect(page.getByRole('button', { name: words.start }).first()).toBeVisible();
    await page.keyboard.press('PageDown');
    await atStop(page, 1);
    await expect(page).toHaveURL(/#\/function-classes$/);
  });

  test(`stop 5: a recorded result until the clicker's live run arrives (${lang})`, async ({ page }) => {
    test.setTimeout(400_000);
    const n = stopOf('identityLayer');
    await page.goto(`/?lang=${lang}&lesson=${n}&fsteps=40`);
    const region = page.locator('[data-lesson-region="fc-experiment"]');
    // before any run: what the stop asks about is on screen, from the recorded run, and says so
    const recorded = region.locator('.fc-recorded');
    await expect(recorded).toBeVisible();
    await expect(recorded).toContainText(lang === 'en' ? 'Recorded result' : '记录下来的结果');
    await expect(region.locator('table.fc-construction').last()).toBeVisible();
    // the clicker runs it, and stays on the stop
    await page.keyboard.press('PageDown');
    const status = region.locator('.fc-run [role="status"]');
    await expect(status).toContainText(/%/);
    await atStop(page, n);
    await expect(recorded).toBeVisible();
    // a second press while it runs moves on; back again, it ran to the end and replaced the recorded one
    await expect(status).toContainText(fc.ranOn.split('{{')[0]!, { timeout: 360_000 });
    await expect(recorded).toHaveCount(0);
    console.log(`experiment: ${await status.innerText()}`);
    await page.keyboard.press('PageDown');
    await atStop(page, n + 1);
  });

  test(`stops 8 and 12: the clicker walks the data path and measures the identity, then moves on (${lang})`, async ({
    page,
  }) => {
    const path = stopOf('residual33Path');
    await page.goto(`/?lang=${lang}&lesson=${path}`);
    await expect(page.getByText(words.here, { exact: true })).toHaveCount(1);
    // the pinned view is at Y += X; one press walks on to relu, the last step; the next moves on
    await page.keyboard.press('PageDown');
    await expect(page).toHaveURL(/bstep=relu2/);
    await atStop(page, path);
    await page.keyboard.press('PageDown');
    await atStop(page, path + 1);

    const zero = stopOf('zeroWeights');
    await page.goto(`/?lang=${lang}&lesson=${zero}`);
    const identity = page.locator('[data-lesson-region="rb-identity"]');
    await expect(identity.getByRole('button')).toBeEnabled();
    await page.keyboard.press('PageDown');
    await expect(identity.locator('.identity-results')).toBeVisible();
    await atStop(page, zero);
    await page.keyboard.press('PageDown');
    await atStop(page, zero + 1);
  });
}

test('the ? overlay lists the key that does a stop’s task', async ({ page }) => {
  await page.goto(`/?lesson=${stopOf('identityLayer')}`);
  const help = page.getByRole('dialog');
  // the page's keys are live once the chapter has mounted, which a loaded machine delays
  await expect(async () => {
    if (!(await help.isVisible())) await page.keyboard.press('?');
    await expect(help).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 60_000 });
  await expect(help).toContainText('Do this stop’s task');
  await expect(help).toContainText('Enter');
});
