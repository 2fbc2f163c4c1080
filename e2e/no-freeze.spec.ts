/**
 * The page never freezes: the network runs in a worker and the page only sends the input and
 * renders the answer. Checked by structure, which a busy machine cannot change (it stretches
 * every task on the clock):
 * - on every backend, from the first trace through a new input to stepping, no tfjs kernel
 *   runs, no tensor is made and no tfjs backend starts on the page's main thread;
 * - stepping renders the diagram, the explanation and the maps as a deferred render, after the
 *   controls have answered the key (React's `useDeferredValue`, which renders in slices).
 * The wall-clock figure (the longest main-thread task, CPU throttled 4×, per backend and size)
 * is a bench row: `npm run bench -- --parts longtask`.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 300_000 });

interface MainThreadTf {
  kernels: string[];
  tensors: number;
  backends: string[];
}

declare global {
  interface Window {
    __mainThreadTf?: MainThreadTf;
    __renders?: { crumb: string; explanation: string }[];
  }
}

/**
 * Runs in the page before its own scripts: tfjs-core keeps its one engine on the global object
 * (`_tfengine`, made when tfjs-core is first imported); this catches it as it is set and counts
 * every kernel run, tensor made and backend started through it on this thread.
 */
function countMainThreadTf() {
  const seen: MainThreadTf = { kernels: [], tensors: 0, backends: [] };
  window.__mainThreadTf = seen;
  let engine: unknown;
  Object.defineProperty(window, '_tfengine', {
    configurable: true,
    get: () => engine,
    set(e: Record<string, (...args: unknown[]) => unknown>) {
      engine = e;
      const wrap = (name: string, note: (args: unknown[]) => void) => {
        const original = e[name] as (...args: unknown[]) => unknown;
        e[name] = function (this: unknown, ...args: unknown[]) {
          note(args);
          return original.apply(this, args);
        };
      };
      wrap('runKernelFunc', (a) => seen.kernels.push(String((a[0] as { kernelName?: string }).kernelName)));
      wrap('makeTensor', () => (seen.tensors += 1));
      wrap('initializeBackend', (a) => seen.backends.push(String(a[0])));
    },
  });
}

const summary = (page: Page) => page.getByText(/Traced 66 operations/);
const mainThreadTf = (page: Page) => page.evaluate(() => window.__mainThreadTf);
const NONE: MainThreadTf = { kernels: [], tensors: 0, backends: [] };

for (const backend of ['wasm', 'cpu', 'webgl', 'webgpu'] as const) {
  test(`on ${backend}, no tfjs work runs on the page's main thread: a new input, then stepping`, async ({ page }) => {
    await page.addInitScript(countMainThreadTf);
    await page.goto(`/?backend=${backend}&size=64&input=rand:0`);
    await expect(summary(page)).toBeVisible({ timeout: 240_000 });
    await expect(page.getByRole('status', { name: /Runs on/ })).toHaveAttribute('data-backend', backend);
    await page.getByLabel('Random seed').fill('1');
    await page.getByRole('button', { name: 'torch.rand, as in the d2l notebook' }).click();
    await expect(page).toHaveURL(/input=rand%3A1|input=rand:1/);
    await expect(summary(page)).toBeVisible({ timeout: 240_000 });
    const shape = page.getByRole('status', { name: 'Shape' });
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next step' }).click();
    await expect(shape).toHaveText('(1, 128, 8, 8)');
    expect(await mainThreadTf(page)).toEqual(NONE);
  });
}

test('stepping renders through the deferred path and asks the worker for each tensor once', async ({ page }) => {
  await page.addInitScript(countMainThreadTf);
  await page.goto('/?backend=wasm&size=64&input=rand:0');
  await expect(summary(page)).toBeVisible();
  const shape = page.getByRole('status', { name: 'Shape' });
  const next = page.getByRole('button', { name: 'Next step' });
  const previous = page.getByRole('button', { name: 'Previous step' });
  const reads = async () => (await page.evaluate(() => window.__resnetTestHook?.stats()))?.reads;
  for (let i = 0; i < 3; i++) await next.click();
  await expect(shape).toHaveText('(1, 128, 8, 8)');
  // every DOM change the stepper makes, as (breadcrumb, explanation) after each batch of mutations
  await page.evaluate(() => {
    const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';
    const renders: { crumb: string; explanation: string }[] = [];
    window.__renders = renders;
    new MutationObserver(() =>
      renders.push({ crumb: text('.breadcrumb .here'), explanation: text('.explanation strong') }),
    ).observe(document.querySelector('.stepper') as Element, { childList: true, subtree: true, characterData: true });
  });
  const before = await reads();
  const seen = await page.evaluate(() => ({
    crumb: document.querySelector('.breadcrumb .here')?.textContent ?? '',
    explanation: document.querySelector('.explanation strong')?.textContent ?? '',
  }));
  await previous.click();
  await expect(shape).toHaveText('(1, 64, 16, 16)');
  const renders = (await page.evaluate(() => window.__renders)) ?? [];
  const last = renders.at(-1);
  // the controls answered first, in a commit of their own: a render where the breadcrumb already
  // names the new step while the explanation still names the old one
  expect(last?.crumb).not.toBe(seen.crumb);
  expect(renders).toContainEqual({ crumb: last?.crumb, explanation: seen.explanation });
  // back and forth over steps already shown: served from the page's cache
  await previous.click();
  await next.click();
  await next.click();
  await expect(shape).toHaveText('(1, 128, 8, 8)');
  expect(await reads()).toBe(before);
  expect(await mainThreadTf(page)).toEqual(NONE);
});
