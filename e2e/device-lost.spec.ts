import { expect, shownBackend, test } from './fixtures';

test('when the GPU device is lost, the input is traced again on the next backend, at the same step', async ({
  page,
}) => {
  await page.goto('/?backend=webgpu&size=64&input=rand:0&step=b3.0.conv1');
  expect(await shownBackend(page)).toBe('webgpu');
  const traceLine = page.getByText(/Traced 66 operations/);
  await expect(traceLine).toContainText('WebGPU', { timeout: 90_000 });
  const hook = () => page.evaluate(() => window.__resnetTestHook?.stats());
  const before = await hook();
  expect(before?.traces).toBe(1);

  // a driver reset, as the worker sees it (Playwright's init scripts cannot reach into the worker)
  await page.evaluate(() => window.__resnetTestHook?.loseDevice());
  await expect(page.getByRole('alert').filter({ hasText: /The GPU stopped responding/ })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Runs on' })).not.toHaveAttribute('data-backend', 'webgpu');
  const now = await shownBackend(page);

  // a new trace ran on the new backend, and the line under it names that backend
  await expect(traceLine).not.toContainText('WebGPU', { timeout: 90_000 });
  await expect(traceLine).toContainText(now === 'webgl' ? 'WebGL' : now === 'wasm' ? 'WebAssembly' : 'JavaScript');
  await expect.poll(async () => (await hook())?.traces).toBe(2);
  expect((await hook())?.backend).toBe(now);
  // the step is kept, and its tensor is read from the new trace
  await expect(page).toHaveURL(/step=b3\.0\.conv1/);
  await expect(page.getByRole('status', { name: 'Shape' })).toHaveText('(1, 128, 8, 8)');
  await expect(page.locator('.runtime-panel [data-backend]')).toHaveAttribute('data-backend', now);
});
