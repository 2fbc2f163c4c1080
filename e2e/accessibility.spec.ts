/** axe finds no serious or critical violation on any chapter, in both languages and in projector mode (every lesson stop: e2e/lesson-walk.spec.ts). */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './lessonChecks';

async function settled(page: Page, chapter: string) {
  await expect(page.locator('main h2').first()).toBeAttached();
  if (chapter === 'resnet-18')
    await expect(page.locator('.trace-status')).toHaveText(/Traced|追踪了/, { timeout: 90_000 });
}

for (const lang of ['en', 'zh'] as const) {
  for (const projector of ['0', '1']) {
    test(`every chapter (${lang}, projector=${projector})`, async ({ page }) => {
      for (const chapter of ['function-classes', 'residual-block', 'resnet-18', 'race']) {
        await page.goto(`/?backend=wasm&lang=${lang}&projector=${projector}#/${chapter}`);
        await settled(page, chapter);
        expect(await seriousViolations(page), chapter).toEqual([]);
      }
    });
  }
}
