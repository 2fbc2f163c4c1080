/**
 * One fixture for every spec: Debian's Chromium with WebGPU enabled, and a record of
 * console errors so a spec can assert the page logged none.
 */
import { test as base, chromium, expect, type Browser, type Page } from '@playwright/test';
import { CHROMIUM } from '../playwright.config';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

interface Fixtures {
  page: Page;
  consoleErrors: string[];
}

export const test = base.extend<Fixtures, { browser: Browser }>({
  browser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
  },
});

export { expect };

/** The backend the page says it runs on. */
export async function shownBackend(page: Page): Promise<string> {
  const badge = page.getByRole('status', { name: /Runs on|运行于/ });
  await expect(badge).toHaveAttribute('data-backend', /.+/);
  return (await badge.getAttribute('data-backend')) ?? '';
}
