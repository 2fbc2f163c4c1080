/**
 * The lesion study ("Remove one block") on the built app, on a subset the link chooses
 * (`lesionn=20`: 2 images a class) so it stays short: a progress bar, then a bar per removed
 * block, and sentences whose numbers are the drawn bars', in English and Chinese. The worker
 * holds as many tensors after the study as before it.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

test.describe.configure({ timeout: 300_000 });

/** The drawn bars: removed block ('' for the intact network) → accuracy as written. */
async function drawnBars(page: Page): Promise<Map<string, string>> {
  const items = page.locator('.lesion-chart g[role="listitem"]');
  await expect(items).toHaveCount(9);
  const out = new Map<string, string>();
  for (const el of await items.all()) {
    out.set((await el.getAttribute('data-removed')) ?? '', (await el.getAttribute('data-accuracy')) ?? '');
  }
  return out;
}

for (const lang of ['en', 'zh'] as const) {
  test(`removing each block in turn draws a bar per block and says what it found (${lang})`, async ({
    page,
    consoleErrors,
  }) => {
    await page.goto(`/?backend=wasm&lesionn=20&input=rand:0&lang=${lang}`);
    const run = page.getByRole('button', {
      name: lang === 'en' ? /Remove each block in turn \(20/ : /依次删除每个块（20/,
    });
    await expect(run).toBeEnabled({ timeout: 180_000 });
    await run.click();
    const bars = await drawnBars(page);
    const intact = bars.get('') as string;
    const removed = [...bars].filter(([k]) => k !== '');
    expect(removed.map(([k]) => k)).toEqual(['b2.0', 'b2.1', 'b3.0', 'b3.1', 'b4.0', 'b4.1', 'b5.0', 'b5.1']);
    // the sentences quote the drawn numbers: the intact network's, and the worst removal's
    const findings = page.locator('.lesion-findings li');
    await expect(findings.first()).toContainText(`${intact} %`);
    const [worstBlock, worstAcc] = removed.reduce((a, b) => (Number(b[1]) < Number(a[1]) ? b : a));
    const worst = findings.and(page.locator('[data-key^="worst"]'));
    await expect(worst).toContainText(worstBlock);
    await expect(worst).toContainText(`${worstAcc} %`);
    await expect(findings.last()).toContainText(
      lang === 'en' ? 'Veit, Wilber and Belongie' : 'Veit、Wilber 和 Belongie',
    );
    await expect(page.locator('.lesion-chart').getByRole('button', { name: /(as|为) SVG$/ })).toBeVisible();
    // every tensor of the study is disposed: a second run leaves the worker's count where the first did
    const tensors = async () => (await page.evaluate(() => window.__resnetTestHook!.stats())).memory.tensors;
    const before = await tensors();
    await run.click();
    await expect(run).toBeDisabled();
    await expect(run).toBeEnabled({ timeout: 120_000 });
    await expect(page.locator('.lesion-chart g[role="listitem"]')).toHaveCount(9);
    expect(await tensors()).toBe(before);
    if (lang === 'en') {
      for (const [w, h] of [
        [1366, 768],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.locator('.lesion').scrollIntoViewIfNeeded();
        await page.locator('.lesion').screenshot({ path: `/tmp/lesion-${w}.png` });
      }
    }
    expect(consoleErrors).toEqual([]);
  });
}

test('the study can be cancelled, and runs again after', async ({ page }) => {
  // all 1,000 images: a run long enough (minutes) that the cancel always lands before it ends
  await page.goto('/?backend=wasm&input=rand:0');
  const run = page.getByRole('button', { name: /Remove each block in turn \(1,?000/ });
  await expect(run).toBeEnabled({ timeout: 180_000 });
  await run.click();
  await expect(page.getByRole('progressbar', { name: 'Progress of the lesion study' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/Cancelled\. Nothing was kept/)).toBeVisible();
  await expect(run).toBeEnabled();
});

test('a cancel while the images still download drops the run before it starts', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/lesion/*.bin', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/?backend=wasm&lesionn=10&input=rand:0');
  const run = page.getByRole('button', { name: /Remove each block in turn \(10/ });
  await expect(run).toBeEnabled({ timeout: 180_000 });
  await run.click();
  await expect(page.getByRole('progressbar', { name: 'Progress of the lesion study' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/Cancelled\. Nothing was kept/)).toBeVisible();
  release();
  // the images arrive after the cancel: nothing runs, and the study can start again
  await expect(page.getByRole('progressbar', { name: 'Progress of the lesion study' })).toHaveCount(0);
  await expect(run).toBeEnabled();
  await expect(page.getByText(/Cancelled\. Nothing was kept/)).toBeVisible();
});

test('a student steps through the network with a block removed, and puts it back', async ({ page }) => {
  await page.goto('/?backend=wasm&lesionn=10&input=rand:0');
  const run = page.getByRole('button', { name: /Remove each block in turn \(10/ });
  await expect(run).toBeEnabled({ timeout: 180_000 });
  await run.click();
  await page.getByRole('button', { name: 'Step through with b3.0 removed' }).click();
  await expect(page).toHaveURL(/removed=b3\.0/);
  await expect(page).toHaveURL(/step=b3\.0\.add/);
  const note = page.getByText(/^Block b3\.0 is removed/);
  await expect(note).toBeVisible();
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible({ timeout: 180_000 });
  await page.getByRole('button', { name: 'Put b3.0 back' }).click();
  await expect(note).toHaveCount(0);
  await expect(page).not.toHaveURL(/removed=/);
});

test('after a race, each trained network loses one block at a time and the page says what it shows; a failing worker is said, and retried', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(600_000);
  // rfail (build for tests): the race worker throws on its first lesion and its first landscape request
  await page.goto('/?backend=wasm&rbudget=quick&rdepths=20&rwidth=2&rsteps=6&rfail=1#/race');
  await expect(page.getByText(/training images \(400 a class\).* are loaded/)).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Start the race' }).click();
  await expect(page.getByText(/^Finished 6 steps on /)).toBeVisible({ timeout: 480_000 });
  const section = page.getByRole('region', { name: 'Remove one block from the trained networks' });
  await section.getByRole('button', { name: 'Remove each block in turn' }).click();
  // the worker failed: the page says so in its words, offers a retry, and the race stays finished
  await expect(section.getByRole('alert')).toHaveText(/^The measurement stopped: the race’s worker failed/);
  await expect(section.getByText('test hook')).toHaveCount(0);
  await expect(section.getByRole('status')).toHaveCount(0);
  await expect(page.getByText(/^Finished 6 steps on /)).toBeVisible();
  const surface = page.getByRole('region', { name: 'Look at the loss surface' });
  await surface.getByRole('button', { name: 'Compute the loss surface' }).click();
  await expect(surface.getByRole('alert')).toHaveText(/^The loss surface stopped: the race’s worker failed/);
  await expect(surface.getByRole('progressbar')).toHaveCount(0);
  await expect(surface.getByRole('button', { name: 'Try again' })).toBeVisible();

  await section.getByRole('button', { name: 'Try again' }).click();
  const rows = section.locator('tbody tr');
  await expect(rows).toHaveCount(2, { timeout: 120_000 });
  await expect(section.getByRole('alert')).toHaveCount(0);
  // n = 3: seven blocks keep the shape
  for (const row of await rows.all())
    expect((await row.locator('td').nth(1).textContent())?.split(' · ')).toHaveLength(7);
  const claims = section.locator('li');
  await expect(claims).toHaveCount(2);
  await expect(claims.first()).toContainText('At 20 layers (7 blocks removable)');
  await expect(claims.nth(1)).toContainText(/^This run (shows|does not show)/);
  // the only errors are the worker's own report of the throw the link asked for
  expect(consoleErrors.filter((e) => !/test hook: the race worker failed/.test(e))).toEqual([]);
});
