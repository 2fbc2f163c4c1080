/**
 * One fixture for every spec: Debian's Chromium with WebGPU enabled, a record of console
 * errors so a spec can assert the page logged none, and a check, after every test of
 * every spec, that the page broke no rule of its Content-Security-Policy.
 */
import { test as base, chromium, expect, type Browser, type Page } from '@playwright/test';
import { chromiumPath } from '../src/cli/checkChromium';

const CHROMIUM = chromiumPath();

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
  /** Every Content-Security-Policy violation the page reported; the test fails if there is one. */
  cspViolations: string[];
}

/** Runs in the page before its own scripts: reports each CSP violation to the console, where the test sees it. */
function reportCspViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(
      `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`,
    );
  });
}

export const test = base.extend<Fixtures, { browser: Browser }>({
  browser: [
    // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none
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
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await page.addInitScript(reportCspViolations);
      page.on('console', (msg) => {
        // the event above, and Chromium's own report (also for workers' and blocked eval)
        if (/CSP violation|Content Security Policy/.test(msg.text())) violations.push(msg.text());
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The backend the page says it runs on. */
export async function shownBackend(page: Page): Promise<string> {
  const badge = page.getByRole('status', { name: /Runs on|运行于/ });
  await expect(badge).toHaveAttribute('data-backend', /.+/);
  return (await badge.getAttribute('data-backend')) ?? '';
}

/** The notebook's cell-9 table: each top-level layer's output shape for torch.rand(1, 1, 224, 224). */
export const NOTEBOOK_SHAPES: readonly (readonly [string, string])[] = [
  ['b1', '(1, 64, 56, 56)'],
  ['b2', '(1, 64, 56, 56)'],
  ['b3', '(1, 128, 28, 28)'],
  ['b4', '(1, 256, 14, 14)'],
  ['b5', '(1, 512, 7, 7)'],
  ['AdaptiveAvgPool2d', '(1, 512, 1, 1)'],
  ['Flatten', '(1, 512)'],
  ['Linear', '(1, 10)'],
];
