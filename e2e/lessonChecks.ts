/**
 * What a walk through the guided lesson checks at each stop (e2e/lesson-walk.spec.ts, and the
 * single-stop specs): the bar says the stop, the stop's key element is readable above the bar,
 * the bar is one line, and axe finds no serious violation.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { LESSON_STOPS } from '../src/explain/lesson/stops';
import { lessonStrings } from '../src/i18n/lesson';

const UNTRANSLATED = /\b(lesson|keys|start|stepper|url|nextChapter|copyLink|functionClasses|residualBlock)\.[a-zA-Z_]+/;

export async function expectStop(page: Page, lang: 'en' | 'zh', n: number) {
  const words = lessonStrings[lang].lesson;
  const stop = LESSON_STOPS[n - 1]!;
  const bar = page.getByRole('region', { name: words.label, exact: true });
  await expect(bar.getByRole('heading', { level: 2 })).toHaveText(words.stop[stop.id as keyof typeof words.stop].title);
  await expect(bar).toContainText(
    words.progress.replace('{{n}}', String(n)).replace('{{total}}', String(LESSON_STOPS.length)),
  );
  await expect(page).toHaveURL(new RegExp(`lesson=${n}(&|#|$)`));
  await expect(page).toHaveURL(new RegExp(`#/${stop.chapter}$`));
  // the caption says where it comes from: the d2l notebook, or the paper a stop beyond it measures
  await expect(bar.locator('.lesson-caption .lesson-source')).toHaveText(
    stop.source === 'paper' ? words.fromPaper : words.fromNotebook,
  );
  // the part of the page the stop talks about is marked, once
  await expect(page.getByText(words.here, { exact: true })).toHaveCount(1);
  expect(await page.locator('body').innerText()).not.toMatch(UNTRANSLATED);
}

/** Whether every key element is drawn, lies above the bar, and is what the page shows at its top and bottom edges. */
export function keyShown(page: Page, selector: string) {
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

/** Where the bar's bottom edge is, against the window's (they meet: no page shows under the bar). */
export function barGap(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('.lesson-bar')?.getBoundingClientRect();
    return bar ? innerHeight - bar.bottom : NaN;
  });
}

/** The bar's title is one line of text, on the line of the caption. */
export function barOneLine(page: Page) {
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

/** axe's serious and critical violations on the page as it is now (only within `include`, where given). */
export async function seriousViolations(page: Page, include: readonly string[] = []): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  for (const selector of include) builder.include(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Each displayed formula in the outlined region, at its full size: its type over its column's
 * (1.15 where nothing shrank it) and its column's type over the page's root type (at least 1:
 * projector size where the root is projector type).
 */
export function formulaSizes(page: Page) {
  return page.evaluate(() => {
    const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
    return [...document.querySelectorAll<HTMLElement>('.lesson-focus .formula-display')]
      .filter((f) => f.getBoundingClientRect().height > 0)
      .map((f) => {
        const own = parseFloat(getComputedStyle(f).fontSize);
        const column = parseFloat(getComputedStyle(f.parentElement!).fontSize);
        return { ofColumn: Math.round((own / column) * 100) / 100, columnOfRoot: column / root };
      });
  });
}

/**
 * The stop menu's closed face: the current stop's label fits, or is cut with an ellipsis and
 * is whole in the menu's title; and every stop's option is its whole label ("n · title").
 */
export function stopMenu(page: Page) {
  return page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('.lesson-list select');
    if (!select) return undefined;
    const style = getComputedStyle(select);
    const label = select.selectedOptions[0]?.text ?? '';
    const ink = document.createElement('canvas').getContext('2d')!;
    ink.font = style.font;
    // the room for the text: the box less its padding and the menu's arrow (about 1.2em wide)
    const room =
      select.clientWidth -
      parseFloat(style.paddingLeft) -
      parseFloat(style.paddingRight) -
      1.2 * parseFloat(style.fontSize);
    return {
      label,
      fits: ink.measureText(label).width <= room,
      ellipsis: style.textOverflow === 'ellipsis',
      title: select.title,
      options: [...select.options].map((o) => o.text),
    };
  });
}
