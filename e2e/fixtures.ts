/**
 * One fixture for every spec: Debian's Chromium with WebGPU enabled, a record of console
 * errors so a spec can assert the page logged none, a check, after every test of every spec,
 * that the page broke no rule of its Content-Security-Policy, and a repeat visitor's browser
 * (see `firstVisit`).
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
  /**
   * The page opens as on a first visit: no backend choice remembered, so the page measures
   * every backend before it starts. Off by default: every other test opens as a repeat visitor
   * whose browser remembers the choice this browser measured once (`measuredChoice`), which
   * saves each page load the race (about 3 s of both cores on an idle CI machine). Specs about
   * the choice or the first visit set it: `test.use({ firstVisit: true })`.
   */
  firstVisit: boolean;
  repeatVisitor: void;
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

/** Where the page keeps its measured backend choice (src/ui/runtime/ModelContext.tsx). */
const REMEMBERED_BACKEND = 'resnet-explainer.backend';

export const test = base.extend<Fixtures, { browser: Browser; measuredChoice: string }>({
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
  measuredChoice: [
    // one first visit per Playwright worker (per project: each has its own build and server)
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto('/#/function-classes');
      await expect(page.getByRole('status', { name: 'Runs on' })).toHaveAttribute('data-backend', /.+/, {
        timeout: 120_000,
      });
      const choice = await page.evaluate((key) => localStorage.getItem(key), REMEMBERED_BACKEND);
      await context.close();
      if (!choice) throw new Error(`a first visit left no "${REMEMBERED_BACKEND}" in localStorage`);
      await use(choice);
    },
    { scope: 'worker' },
  ],
  firstVisit: [false, { option: true }],
  repeatVisitor: [
    async ({ page, firstVisit, measuredChoice }, use) => {
      if (!firstVisit)
        await page.addInitScript(
          ([key, choice]) => {
            try {
              if (localStorage.getItem(key) === null) localStorage.setItem(key, choice);
            } catch {
              // a page without storage (about:blank)
            }
          },
          [REMEMBERED_BACKEND, measuredChoice] as const,
        );
      await use();
    },
    { auto: true },
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
