/**
 * Offline and updates: after one visit every chapter (the experiment's worker included)
 * works with the network gone; the build precaches every file with its own revision; a
 * new version waits for the student to reload instead of switching mid-lesson.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, shownBackend, test } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { onDemandModelFolders, shippedModel } from '../src/model/shipped';

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 300_000 });

/** The first visit: the service worker installs and the page says the app is saved. */
async function visitOnceThenGoOffline(page: Page, context: BrowserContext) {
  await page.goto('/?backend=wasm');
  await expect(page.getByText('Saved for offline use')).toBeVisible({ timeout: 120_000 });
  await context.setOffline(true);
}

test('offline after one visit: ResNet-18 with the trained weights', async ({ page, context }) => {
  await visitOnceThenGoOffline(page, context);
  await page.goto('/?backend=wasm&lang=zh#/resnet-18');
  expect(await shownBackend(page)).toBe('wasm');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ResNet 图解');
  // the trained weights came from the cache too, not the random fallback (their score is one click away)
  await page.locator('.backend-details summary').click();
  await expect(page.getByText(/在 Fashion-MNIST 上训练/)).toBeVisible();
  await expect(page.getByText(/上追踪了 66 个运算/)).toBeVisible({ timeout: 120_000 });
  await context.setOffline(false);
});

test('offline after one visit: the residual block lab', async ({ page, context }) => {
  await visitOnceThenGoOffline(page, context);
  await page.goto('/?backend=wasm&blk=3_6_1_2__4_3_6_6#/residual-block');
  await expect(page.getByRole('status', { name: 'Y.shape' })).toHaveText('(4, 6, 3, 3)');
  await expect(page.getByRole('img', { name: /feature map/i }).first()).toBeVisible();
  await context.setOffline(false);
});

test('offline after one visit: function classes and the experiment’s worker', async ({ page, context }) => {
  await visitOnceThenGoOffline(page, context);
  await page.goto('/?backend=wasm&fstep=3#/function-classes');
  await expect(page.getByText('Class F3 of 6')).toBeVisible();
  const experiment = page.getByRole('region', { name: /Measure it/ });
  await experiment.getByRole('button', { name: 'Run the experiment' }).click();
  // the worker (its script and tfjs's WebAssembly) came from the cache and is training
  await expect(experiment.getByRole('status')).toContainText(/Training the (plain|residual) network of depth \d+/, {
    timeout: 120_000,
  });
  await experiment.getByRole('button', { name: 'Stop' }).click();
  await context.setOffline(false);
});

test('the race chapter works offline once it has been opened (its data set is cached on first use)', async ({
  page,
  context,
}) => {
  await visitOnceThenGoOffline(page, context);
  await context.setOffline(false);
  await page.goto('/?backend=cpu#/race');
  await expect(page.getByText(/training images \(400 a class\).* are loaded/)).toBeVisible({ timeout: 60_000 });
  await context.setOffline(true);
  // the data set must come from the service worker's cache, not the browser's HTTP cache
  const data = page.waitForResponse((r) => r.url().includes('/race/'));
  await page.reload();
  expect((await data).fromServiceWorker()).toBe(true);
  await expect(page.getByText(/training images \(400 a class\).* are loaded/)).toBeVisible({ timeout: 60_000 });
  await context.setOffline(false);
});

test('a trained variant works offline once it has been chosen (its weights are cached on first use)', async ({
  page,
  context,
}) => {
  const r34 = shippedModel('resnet34');
  test.skip(!r34, 'no trained ResNet-34 is shipped');
  await visitOnceThenGoOffline(page, context);
  await context.setOffline(false);
  await page.goto('/?backend=wasm&arch=resnet34');
  await expect(page.getByRole('heading', { name: /What the network predicts \(trained, / })).toBeVisible({
    timeout: 180_000,
  });
  await context.setOffline(true);
  // the weights must come from the service worker's cache, not the browser's HTTP cache
  const bin = page.waitForResponse((r) => r.url().includes(`/models/${r34?.folder}/`) && r.url().endsWith('.bin'));
  await page.reload();
  expect((await bin).fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { name: /What the network predicts \(trained, / })).toBeVisible({
    timeout: 180_000,
  });
  await context.setOffline(false);
});

/** Every file of the build, relative to dist/. */
function builtFiles(dir = 'dist'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(path) : [relative('dist', path).split('\\').join('/')];
  });
}

test('the build precaches every file, the 11 MB weights included, each with its own revision', () => {
  const sw = readFileSync('dist/sw.js', 'utf8');
  const list = /precacheAndRoute\((\[.*?\])/s.exec(sw)?.[1] ?? '[]';
  const entries = new Map(
    [...list.matchAll(/\{url:"([^"]+)",revision:(null|"[0-9a-f]+")\}/g)].map((m) => [m[1] ?? '', m[2] ?? ''] as const),
  );
  // the race's data set, the lesion study's images and every trained network but ResNet-18 are
  // cached when opened, never at install
  const onDemand = ['race/', 'lesion/', ...onDemandModelFolders().map((f) => `${f}/`)];
  const expected = builtFiles().filter(
    (f) => f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f) && !onDemand.some((d) => f.startsWith(d)),
  );
  for (const d of onDemand)
    expect(
      builtFiles().some((f) => f.startsWith(d)),
      d,
    ).toBe(true);
  expect([...entries.keys()].sort()).toEqual(expected.sort());
  expect([...entries.keys()].filter((u) => u.startsWith('models/')).sort()).toEqual([
    'models/resnet18-fmnist/group1-shard1of1.bin',
    'models/resnet18-fmnist/model.json',
  ]);
  // files without a content hash in their name carry one as their revision, so only changed files download again
  expect(entries.get('models/resnet18-fmnist/group1-shard1of1.bin')).toMatch(/^"[0-9a-f]{32}"$/);
  expect(entries.get('models/resnet18-fmnist/model.json')).toMatch(/^"[0-9a-f]{32}"$/);
  expect(entries.get('index.html')).toMatch(/^"[0-9a-f]{32}"$/);
  for (const [url, revision] of entries) if (revision === 'null') expect(url).toMatch(/^assets\/.+-[\w-]{8}\.\w+$/);
  // WebAssembly and the experiment's worker are there
  expect([...entries.keys()].filter((u) => u.endsWith('.wasm'))).toHaveLength(3);
  expect([...entries.keys()].some((u) => /^assets\/experimentWorker-.+\.js$/.test(u))).toBe(true);
});

/** The Date header of every cached response, by its cache key (Workbox adds the revision to the key). */
const cachedDates = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) out[req.url] = (await cache.match(req))?.headers.get('date') ?? '';
    }
    return out;
  });

test('a new version waits for “A new version is ready — reload”, and downloads only what changed', async ({ page }) => {
  await page.goto('/?backend=wasm&size=32#/residual-block');
  await expect(page.getByText('Saved for offline use')).toBeVisible({ timeout: 120_000 });
  await page.evaluate(() => {
    (window as unknown as { lesson: string }).lesson = 'in progress';
  });
  const before = await cachedDates(page);
  const key = (file: string, dates: Record<string, string>) => Object.keys(dates).filter((k) => k.includes(file));
  expect(key('group1-shard1of1.bin', before)).toHaveLength(1);
  // a new release in which model.json changed and the 11 MB weights did not: the server's sw.js
  // now lists another revision for model.json only
  const original = readFileSync('dist/sw.js', 'utf8');
  const release = original.replace(
    /(\{url:"models\/resnet18-fmnist\/model\.json",revision:")[0-9a-f]+"/,
    '$1' + '0'.repeat(32) + '"',
  );
  expect(release).not.toBe(original);
  // the Date header has whole seconds: let one pass, so a download after now would show
  await page.waitForTimeout(1100);
  writeFileSync('dist/sw.js', release);
  try {
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const reload = page.getByRole('button', { name: 'A new version is ready — reload' });
    await expect(reload).toBeVisible({ timeout: 60_000 });
    // nothing switched under the student: same document, same place
    expect(await page.evaluate(() => (window as unknown as { lesson?: string }).lesson)).toBe('in progress');
    await expect(page).toHaveURL(/#\/residual-block$/);
    // the new version fetched the changed model.json and kept the weights it had
    const after = await cachedDates(page);
    const bin = key('group1-shard1of1.bin', before)[0] ?? '';
    expect(key('group1-shard1of1.bin', after)).toEqual([bin]);
    expect(after[bin]).toBe(before[bin]);
    const newJson = key('model.json', after).filter((k) => !(k in before));
    expect(newJson).toHaveLength(1);
    expect(after[newJson[0] ?? '']).not.toBe(before[key('model.json', before)[0] ?? '']);
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    expect(await page.evaluate(() => (window as unknown as { lesson?: string }).lesson)).toBeUndefined();
    await expect(page).toHaveURL(/#\/residual-block$/);
    await expect(page.getByRole('button', { name: 'A new version is ready — reload' })).toHaveCount(0);
  } finally {
    writeFileSync('dist/sw.js', original);
  }
});
