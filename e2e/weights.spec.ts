import { expect, test } from './fixtures';

test('a corrupted weights file gets a clear message and the page still works', async ({ page }) => {
  await page.route('**/models/resnet18-fmnist/*.bin', async (route) => {
    const res = await route.fetch();
    const body = await res.body();
    await route.fulfill({ response: res, body: body.subarray(0, 1000) });
  });
  await page.goto('/?backend=wasm&size=224&input=rand:0');
  await expect(
    page.getByRole('alert').filter({ hasText: /trained weights could not be used.*incomplete/ }),
  ).toBeVisible();
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible();
});

test('a model.json that is not JSON is reported, not fatal', async ({ page }) => {
  await page.route('**/models/resnet18-fmnist/model.json', (route) =>
    route.fulfill({ body: '{"weightsManifest": [', contentType: 'application/json' }),
  );
  await page.goto('/?backend=wasm&size=224&input=rand:0');
  await expect(page.getByRole('alert').filter({ hasText: /not valid JSON/ })).toBeVisible();
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible();
});
