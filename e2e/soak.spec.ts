/**
 * A tab open all lesson: 1,000 steps and 50 input changes on WASM. "Flat" means the worker
 * holds the same tensors and bytes after input 50 as after input 10, and the page's JS heap
 * (after a garbage collection) grows by less than 10 % or 1 MiB, whichever is larger.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const stats = async (page: Page) => {
  const s = await page.evaluate(() => window.__resnetTestHook?.stats());
  if (!s) throw new Error('no test hook on the page');
  return s;
};

/**
 * `inputs` input changes with 20 steps each on `backend`; the tensors, bytes and heap after
 * input `last` are compared with those after input `early`.
 */
async function soak(page: Page, backend: string, inputs: number, early: number) {
  await page.goto(`/?backend=${backend}&input=rand:0`);
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible({ timeout: 120_000 });
  expect(await page.getByRole('status', { name: 'Runs on' }).getAttribute('data-backend')).toBe(backend);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const seed = page.getByLabel('Random seed');
  const rand = page.getByRole('button', { name: 'torch.rand, as in the d2l notebook' });
  const shape = page.getByRole('status', { name: 'Shape' });
  const at: Record<number, { tensors: number; bytes: number; heap: number }> = {};
  for (let input = 1; input <= inputs; input++) {
    await seed.fill(String(input));
    await rand.click();
    await expect.poll(async () => (await stats(page)).lastTraced, { timeout: 120_000 }).toBe(`rand:${input} @ 64`);
    // 20 steps per input, mostly forward, some back; each shows its tensor
    for (let s = 0; s < 20; s++) {
      await page.keyboard.press(s % 5 === 4 ? 'ArrowLeft' : s % 5 === 2 ? 'BracketRight' : 'ArrowRight');
    }
    await expect(shape).toHaveText(/^\(1, /);
    if (input === early || input === inputs) {
      const { memory } = await stats(page);
      at[input] = { ...memory, heap: await heap() };
    }
  }
  const [before, after] = [at[early], at[inputs]];
  console.log(
    `${backend}: heap ${before?.heap} → ${after?.heap} bytes, tensors ${before?.tensors} → ${after?.tensors}`,
  );
  expect(after?.tensors).toBe(before?.tensors);
  expect(after?.bytes).toBe(before?.bytes);
  // the page's heap is about 8 MB, where JIT code and caches move it by a few hundred KB between
  // runs (6.5 % here idle, 10.2 % in one CI run): less than 10 % or 1 MiB, whichever is larger.
  // A leak of one 64×64 map's data per step (16 KB) over these 800 steps would be 12 MB.
  const grown = (after?.heap ?? Infinity) - (before?.heap ?? 0);
  expect(grown).toBeLessThan(Math.max(0.1 * (before?.heap ?? 0), 1024 * 1024));
}

test('1,000 steps and 50 inputs on WASM keep the tensors, the bytes and the heap flat', async ({ page }) => {
  test.setTimeout(900_000);
  await soak(page, 'wasm', 50, 10);
});

test('a shorter run on WebGPU keeps the tensors, the bytes and the heap flat too', async ({ page }) => {
  test.setTimeout(600_000);
  await soak(page, 'webgpu', 4, 2);
});
