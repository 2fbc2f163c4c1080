/**
 * A tab open all lesson: 1,000 steps and 50 input changes on WASM. "Flat" means the worker
 * holds the same tensors and bytes after input 50 as after input 10, and the page's JS heap
 * (after a garbage collection) grows by less than 10 %.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const stats = async (page: Page) => {
  const s = await page.evaluate(() => window.__resnetTestHook?.stats());
  if (!s) throw new Error('no test hook on the page');
  return s;
};

test('1,000 steps and 50 inputs on WASM keep the tensors, the bytes and the heap flat', async ({ page }) => {
  test.setTimeout(900_000);
  await page.goto('/?backend=wasm&input=rand:0');
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const seed = page.getByLabel('Random seed');
  const rand = page.getByRole('button', { name: 'torch.rand like the seed' });
  const shape = page.getByRole('status', { name: 'Shape' });
  const at: Record<number, { tensors: number; bytes: number; heap: number }> = {};
  for (let input = 1; input <= 50; input++) {
    await seed.fill(String(input));
    await rand.click();
    await expect.poll(async () => (await stats(page)).lastTraced).toBe(`rand:${input} @ 64`);
    // 20 steps per input, mostly forward, some back: 1,000 in all; each shows its tensor
    for (let s = 0; s < 20; s++) {
      await page.keyboard.press(s % 5 === 4 ? 'ArrowLeft' : s % 5 === 2 ? 'BracketRight' : 'ArrowRight');
    }
    await expect(shape).toHaveText(/^\(1, /);
    if (input === 10 || input === 50) {
      const { memory } = await stats(page);
      at[input] = { ...memory, heap: await heap() };
    }
  }
  const [ten, fifty] = [at[10], at[50]];
  expect(fifty?.tensors).toBe(ten?.tensors);
  expect(fifty?.bytes).toBe(ten?.bytes);
  expect((fifty?.heap ?? Infinity) / (ten?.heap ?? 1)).toBeLessThan(1.1);
});
