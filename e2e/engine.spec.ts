/**
 * Nothing waits for a software GPU, and every chapter names the engine alike. The e2e
 * Chromium's WebGPU and WebGL are SwiftShader software adapters: the page reads that from
 * the adapters' facts and never starts them (so no trace, read or step can queue behind
 * them); lesson stops that keep the input and size keep the trace on screen; the header,
 * the stepper and the function-classes experiment say the same backend in the same words.
 */
import type { Page } from '@playwright/test';
import { expect, shownBackend, test } from './fixtures';
import { LESSON_STOPS } from '../src/explain/lesson/stops';
import { en } from '../src/i18n/en';
import { zh } from '../src/i18n/zh';
import { runtimeStrings } from '../src/i18n/runtime';

// about the first visit's choice: nothing remembered yet
test.use({ firstVisit: true });

const stats = (page: Page) => page.evaluate(() => window.__resnetTestHook!.stats());
const words = { en, zh };

for (const lang of ['en', 'zh'] as const) {
  test(`the software adapters are never started; stops with the same input reuse the trace (${lang})`, async ({
    page,
    consoleErrors,
  }) => {
    test.setTimeout(240_000);
    const stages = LESSON_STOPS.findIndex((s) => s.id === 'stages') + 1;
    await page.goto(`/?lang=${lang}&lesson=${stages}`);
    expect(await shownBackend(page)).toBe('wasm');
    const maps = page.locator('[data-lesson-region="r18-maps"]');
    await expect(page.locator('.trace-status')).toContainText(lang === 'en' ? /Traced 66 operations/ : /66/);
    const first = await stats(page);
    // read from the adapters' facts: the software adapters were never started, before or after the first trace
    expect(first.backendsStarted).not.toContain('webgpu');
    expect(first.backendsStarted).not.toContain('webgl');
    const why = page.locator('.backend-why');
    const label = runtimeStrings[lang].runtime.software;
    await expect(why).toContainText(label.webgpu);
    await expect(why).toContainText(label.webgl);
    await expect(why).toContainText(lang === 'en' ? 'Not timed:' : '未测量：');

    // stops 13 → 17 pin the same input and size: the trace on screen is kept, nothing is traced again
    for (let n = stages + 1; n <= stages + 4; n++) {
      await page.keyboard.press('PageDown');
      await expect(page).toHaveURL(new RegExp(`lesson=${n}(&|#|$)`));
      await expect(maps.locator('canvas').first()).toBeVisible();
    }
    const after = await stats(page);
    expect(after.tracesStarted).toBe(first.tracesStarted);
    expect(after.backendsStarted).toEqual(first.backendsStarted);
    expect(consoleErrors).toEqual([]);
  });

  test(`one name for the engine in every chapter (${lang})`, async ({ page }) => {
    await page.goto(`/?lang=${lang}&input=rand:0`);
    // the page's measured choice: WebAssembly when idle, the CPU backend can win on a loaded machine
    const shown = (await shownBackend(page)) as 'wasm' | 'cpu';
    expect(['wasm', 'cpu']).toContain(shown);
    const name = words[lang].backend[shown];
    const badge = page.getByRole('status', { name: words[lang].backend.label });
    await expect(badge).toContainText(name);
    await expect(page.locator('.trace-status')).toContainText(name);
    await page.goto(`/?lang=${lang}#/function-classes`);
    expect(await shownBackend(page)).toBe(shown);
    const run = lang === 'en' ? 'Run the experiment' : '运行实验';
    await page.getByRole('button', { name: run }).click();
    const status = page.locator('.fc-run [role="status"]');
    await expect(status).toContainText(name);
    await expect(status).not.toContainText('GPU');
  });
}
