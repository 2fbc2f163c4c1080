/**
 * Nothing leaves the browser: every request of every chapter goes to the page's own
 * origin, only to read files (GET); an uploaded picture never leaves the page. The built
 * page carries its Content-Security-Policy (and the fixture fails any test that breaks it).
 */
import { expect, test } from './fixtures';
import type { BrowserContext, Request } from '@playwright/test';
import { pngBytes } from './pictureFiles';

test.describe.configure({ timeout: 300_000 });
// a first visit fetches the most: every backend the page measures
test.use({ firstVisit: true });

/** Every request the pages of this context (and their workers) make, from now on. */
function watchRequests(context: BrowserContext): Request[] {
  const seen: Request[] = [];
  context.on('request', (r) => seen.push(r));
  return seen;
}

function expectOnlyOwnFiles(requests: readonly Request[], origin: string) {
  const elsewhere = requests.map((r) => r.url()).filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u));
  expect(elsewhere, 'requests to other origins').toEqual([]);
  const sending = requests.filter((r) => r.method() !== 'GET' || r.postData() !== null).map((r) => r.url());
  expect(sending, 'requests that send data').toEqual([]);
}

test('every chapter talks only to its own origin, and only to read files', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const requests = watchRequests(context);
  await page.goto('/?backend=wasm#/function-classes');
  const experiment = page.getByRole('region', { name: /Measure it/ });
  await experiment.getByRole('button', { name: 'Run the experiment' }).click();
  await expect(experiment.getByRole('status')).toContainText(/Training the (plain|residual) network of depth \d+/, {
    timeout: 120_000,
  });
  await experiment.getByRole('button', { name: 'Stop' }).click();
  await page.goto('/?backend=wasm#/residual-block');
  await expect(page.getByRole('status', { name: 'Y.shape' })).toBeVisible();
  await page.goto('/?backend=wasm#/resnet-18');
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible({ timeout: 120_000 });
  // a picture a student uploads is read in the page and goes nowhere
  const before = requests.length;
  const photo = pngBytes(60, 40, (x, y) => x > 15 && x < 45 && y > 10 && y < 30);
  await page.getByLabel('Upload a picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: photo });
  await expect(page.getByText(/it is not put in the link/)).toBeVisible();
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible({ timeout: 120_000 });
  expect(
    requests.slice(before).map((r) => r.url()),
    'requests after the upload',
  ).toEqual([]);
  expect(requests.length).toBeGreaterThan(10); // the watch saw the app's own files
  expectOnlyOwnFiles(requests, origin);
});

test('the built page ships a strict Content-Security-Policy, and the suite sees a violation', async ({
  page,
  cspViolations,
}) => {
  await page.goto('/');
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveCount(1);
  const csp = await meta.getAttribute('content');
  const directives = new Map(
    (csp ?? '').split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", 'blob:']);
  expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  // no inline script in the page: every script has a src
  expect(await page.locator('script:not([src])').count()).toBe(0);
  // and the policy is in force: inline code is refused
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.head.append(s);
    return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
  });
  expect(ran).toBe(false);
  // the fixture caught the refusal (it fails any test with one); this one was on purpose
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(cspViolations.join('\n')).toMatch(/script-src/);
  cspViolations.length = 0;
});
