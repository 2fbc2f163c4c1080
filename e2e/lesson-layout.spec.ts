/**
 * Every stop readable above the lesson bar: for each of the 21 stops, at 1366×768 and in
 * projector mode at 1280×720, the outlined region's key element (src/ui/lesson/regionKeys.ts)
 * is on screen, not under the bar nor under a sticky toolbar; and the bar is one line.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LESSON_STOPS } from '../src/explain/lesson/stops';
import { keySelector } from '../src/ui/lesson/regionKeys';
import { lessonStrings } from '../src/i18n/lesson';

/** Whether every key element is drawn, lies above the bar, and is what the page shows at its top and bottom edges. */
function keyShown(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const region = document.querySelector('.lesson-focus');
    const bar = document.querySelector('.lesson-bar')?.getBoundingClientRect();
    if (!region || !bar) return 'no region or bar';
    const keys = [...region.querySelectorAll<HTMLElement>(sel)].filter((k) => k.getBoundingClientRect().height > 0);
    if (keys.length === 0) return `no ${sel} drawn yet`;
    const rects = keys.map((k) => k.getBoundingClientRect());
    const top = Math.min(...rects.map((r) => r.top));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    // keys taller than the room above the bar (a grid of 128 channels) start near its top and fill it
    const tall = bottom - top > bar.top - 60;
    if (top < 0 || (tall ? top > bar.top / 3 : bottom > Math.min(innerHeight, bar.top)))
      return `${sel} at ${top}…${bottom}, bar at ${bar.top}`;
    for (const [i, k] of keys.entries()) {
      const r = rects[i]!;
      // nor cut at the side (a formula wider than its column)
      if (r.left < 0 || r.right > innerWidth || k.scrollWidth > k.clientWidth + 1)
        return `${sel} cut sideways: ${k.scrollWidth} px in ${k.clientWidth}`;
      const x = Math.max(1, Math.min(innerWidth - 1, r.left + Math.min(r.width / 2, 40)));
      // what the page shows at each key's top edge, and at its bottom edge where that is on screen
      for (const y of r.bottom <= bar.top ? [r.top + 2, r.bottom - 2] : [r.top + 2]) {
        const hit = document.elementFromPoint(x, y);
        if (!hit || !(k === hit || k.contains(hit))) return `${sel} covered at y=${y} by ${hit?.className}`;
      }
    }
    return 'ok';
  }, selector);
}

/** The bar's title is one line of text, on the line of the caption. */
function barOneLine(page: Page) {
  return page.evaluate(() => {
    const title = document.querySelector('.lesson-title');
    const caption = document.querySelector('.lesson-caption');
    if (!title || !caption) return false;
    const range = document.createRange();
    range.selectNodeContents(title);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    const t = title.getBoundingClientRect();
    const c = caption.getBoundingClientRect();
    return lines.size === 1 && c.top < t.bottom && c.bottom > t.top;
  });
}

for (const [w, h, projector] of [
  [1366, 768, false],
  [1280, 720, true],
] as const) {
  for (const lang of ['en', 'zh'] as const) {
    test(`every stop's key element above the bar at ${w}×${h}${projector ? ', projector' : ''} (${lang})`, async ({
      page,
    }) => {
      test.setTimeout(600_000);
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`/?lang=${lang}&lesson=1${projector ? '&projector=1' : ''}`);
      const next = page
        .getByRole('region', { name: lessonStrings[lang].lesson.label, exact: true })
        .getByRole('button', { name: lessonStrings[lang].lesson.next });
      for (let n = 1; n <= LESSON_STOPS.length; n++) {
        const stop = LESSON_STOPS[n - 1]!;
        if (n > 1) await next.click();
        await expect(page).toHaveURL(new RegExp(`lesson=${n}(&|#|$)`));
        const selector = keySelector(stop.id, stop.region);
        await expect.poll(() => keyShown(page, selector), { timeout: 90_000, message: `stop ${n}` }).toBe('ok');
        expect(await barOneLine(page), `stop ${n}: the bar is one line`).toBe(true);
      }
    });
  }
}
