/**
 * Captions that match the screen: each function-classes stop's pinned view shows numbers
 * that support its title and caption ("not closer" shows a larger distance than the smaller
 * class's; "F6 … yet farther than F3" shows F6's distance above F3's), in both languages.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { LESSON_STOPS } from '../src/explain/lesson/stops';
import { functionClassesStrings } from '../src/i18n/functionClasses';

const stopOf = (id: string) => LESSON_STOPS.findIndex((s) => s.id === id) + 1;

/** The numbers a template's placeholders take in `text`, by name. */
function read(template: string, text: string): Record<string, number> {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    names.push(name);
    return '([\\d.]+)';
  });
  const m = new RegExp(pattern).exec(text);
  if (!m) throw new Error(`"${text}" does not say "${template}"`);
  return Object.fromEntries(names.map((n, i) => [n, Number(m[i + 1])]));
}

for (const lang of ['en', 'zh'] as const) {
  const step = functionClassesStrings[lang].functionClasses.figure.step;
  const orange = (page: import('@playwright/test').Page): Locator =>
    page.locator('[data-lesson-region="fc-figure"] .fc-nonNested figcaption');

  test(`stop 2 “larger, not closer”: its pinned view shows a larger class farther than the smaller (${lang})`, async ({
    page,
  }) => {
    await page.goto(`/?lang=${lang}&lesson=${stopOf('nonNestedGrow')}`);
    const n = read(step.farther, await orange(page).innerText());
    expect(n['i']).toBe(n['prev']! + 1);
    expect(n['d']).toBeGreaterThan(n['before']!);
  });

  test(`stop 3 “F6 is larger than F3, yet farther”: the numbers on screen say so (${lang})`, async ({ page }) => {
    await page.goto(`/?lang=${lang}&lesson=${stopOf('nonNestedFar')}`);
    const n = read(step.fartherThan, await orange(page).innerText());
    expect(n).toMatchObject({ i: 6, j: 3 });
    expect(n['d']).toBeGreaterThan(n['dj']!);
  });

  test(`stop 4 “nested”: the blue panel never gets farther (${lang})`, async ({ page }) => {
    await page.goto(`/?lang=${lang}&lesson=${stopOf('nested')}`);
    const blue = page.locator('[data-lesson-region="fc-figure"] .fc-nested figcaption');
    await expect(blue).toBeVisible();
    // at F6 the nested classes contain f*: distance 0, never farther along the way
    expect(read(step.inside, await blue.innerText())['i']).toBe(6);
    await expect(blue.locator('.fc-worse')).toHaveCount(0);
  });
}
