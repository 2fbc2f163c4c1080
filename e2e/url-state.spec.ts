/** Links: every bad value is reported once, in one message, in the page's language; good values still apply. */
import { expect, test } from './fixtures';

const BAD: Record<string, string> = {
  lang: 'fr',
  size: '9999',
  input: 'photo:me',
  step: 'B3!',
  view: 'rainbow',
  blk: 'nonsense',
  hide: 'menu',
  bstep: 'conv9',
  projector: 'yes',
  fstep: '7',
  backend: 'tpu',
};

test('a bad value of each parameter is reported once, in one message', async ({ page }) => {
  const query = Object.entries(BAD)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  await page.goto(`/?${query}#/function-classes`);
  const alert = page.getByRole('alert').filter({ hasText: 'Part of this link was not understood' });
  await expect(alert).toHaveCount(1);
  for (const [k, v] of Object.entries(BAD)) {
    await expect(alert.getByRole('listitem').filter({ hasText: `${k}=${v}:` })).toHaveCount(1);
  }
  await expect(alert).toContainText('size=9999: expected a whole number from 32 to 512.');
});

test('in Chinese, and a step the network lacks joins the same message once traced', async ({ page }) => {
  await page.goto('/?lang=zh&backend=wasm&size=64&input=rand:0&step=b9.0.conv1&view=rainbow');
  const alert = page.getByRole('alert').filter({ hasText: '链接中有部分内容无法识别' });
  await expect(
    alert.getByRole('listitem').filter({ hasText: 'view=rainbow：应为channel, layer, global 之一。' }),
  ).toBeVisible();
  await expect(alert.getByRole('listitem').filter({ hasText: 'step=b9.0.conv1' })).toBeVisible({ timeout: 90_000 });
  await expect(alert.getByRole('listitem')).toHaveCount(2);
  await expect(page).not.toHaveURL(/step=/);
  await expect(page.getByRole('alert')).toHaveCount(1);
});
