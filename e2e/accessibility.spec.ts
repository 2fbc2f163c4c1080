/** axe finds no serious or critical violation on any chapter or lesson stop, in both languages and in projector mode. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { LESSON_STOPS } from '../src/explain/lesson/stops';
import { expect, test } from './fixtures';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function settled(page: Page, chapter: string) {
  await expect(page.locator('main h2').first()).toBeAttached();
  if (chapter === 'resnet-18')
    await expect(page.locator('.trace-status')).toHaveText(/Traced|追踪了/, { timeout: 90_000 });
}

for (const lang of ['en', 'zh'] as const) {
  for (const projector of ['0', '1']) {
    test(`every chapter (${lang}, projector=${projector})`, async ({ page }) => {
      for (const chapter of ['function-classes', 'residual-block', 'resnet-18']) {
        await page.goto(`/?backend=wasm&lang=${lang}&projector=${projector}#/${chapter}`);
        await settled(page, chapter);
        expect(await seriousViolations(page), chapter).toEqual([]);
      }
    });
  }
  test(`every lesson stop (${lang}, projector)`, async ({ page }) => {
    test.setTimeout(300_000);
    for (let n = 1; n <= LESSON_STOPS.length; n++) {
      await page.goto(`/?backend=wasm&lang=${lang}&projector=1&lesson=${n}`);
      await settled(page, LESSON_STOPS[n - 1]!.chapter);
      expect(await seriousViolations(page), `stop ${n}`).toEqual([]);
    }
  });
}
