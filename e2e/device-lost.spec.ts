import { expect, shownBackend, test } from './fixtures';

test('when the GPU device is lost, the page moves to another backend and says so', async ({ page }) => {
  // keep a handle on the device tfjs asks for, so the test can take it away as a driver reset would
  await page.addInitScript(() => {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter: (...a: unknown[]) => Promise<unknown> } }).gpu;
    if (!gpu) return;
    const requestAdapter = gpu.requestAdapter.bind(gpu);
    gpu.requestAdapter = async (...args: unknown[]) => {
      const adapter = (await requestAdapter(...args)) as {
        requestDevice: (...a: unknown[]) => Promise<{ destroy(): void }>;
      } | null;
      if (adapter) {
        const requestDevice = adapter.requestDevice.bind(adapter);
        adapter.requestDevice = async (...a: unknown[]) => {
          const device = await requestDevice(...a);
          (window as unknown as { __devices: unknown[] }).__devices ??= [];
          (window as unknown as { __devices: unknown[] }).__devices.push(device);
          return device;
        };
      }
      return adapter;
    };
  });
  await page.goto('/?size=64&input=rand:0');
  expect(await shownBackend(page)).toBe('webgpu');
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible({ timeout: 90_000 });
  await page.evaluate(() => {
    for (const d of (window as unknown as { __devices: { destroy(): void }[] }).__devices) d.destroy();
  });
  await expect(page.getByRole('alert').filter({ hasText: /The GPU stopped responding/ })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Runs on' })).not.toHaveAttribute('data-backend', 'webgpu');
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible({ timeout: 90_000 });
});
