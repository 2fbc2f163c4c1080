import { expect, shownBackend, test } from './fixtures';

test.use({ serviceWorkers: 'allow' });

test('after one visit the app works with the network gone', async ({ page, context }) => {
  await page.goto('/?backend=wasm');
  await expect(page.getByText('Saved for offline use')).toBeVisible({ timeout: 60_000 });
  await context.setOffline(true);
  await page.goto('/?backend=wasm&lang=zh#/resnet-18');
  expect(await shownBackend(page)).toBe('wasm');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ResNet 图解');
  // the trained weights came from the cache too, not the random fallback
  await expect(page.getByText(/在 Fashion-MNIST 上训练/)).toBeVisible();
  await context.setOffline(false);
});
