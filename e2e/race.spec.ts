import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

// a small budget chosen through the link: 8 and 20 layers, width 2, 12 steps (the verdict
// is judged over a quarter of them), on WebAssembly, forced (no other backend is timed)
const SMALL = 'backend=wasm&rbudget=quick&rdepths=8,20&rwidth=2&rsteps=12';
const WASM = 'WebAssembly \\(CPU\\)';
const URL = `/?${SMALL}#/race`;

const points = (page: import('@playwright/test').Page, name: string) =>
  page.getByRole('img', { name: 'Training loss' }).locator(`path.curve[data-name="${name}"]`);

test('a small budget from the link trains to its verdict, says its time, pauses, resumes, downloads, resets', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(600_000);
  await page.goto(URL);
  await expect(page.getByText(/training images \(400 a class\).* are loaded/)).toBeVisible();
  await page.getByRole('button', { name: 'Start the race' }).click();
  await expect(page.getByText(new RegExp(`Measured on this device .*${WASM} \\d+ ms per step`))).toBeVisible({
    timeout: 90_000,
  });
  await expect(page.getByText(/Expected time here: about \d+ (min|s)/)).toBeVisible();
  await expect(page.getByText('The quick budget, as chosen.', { exact: false })).toBeVisible();
  // once measured, every budget says how long it takes here
  await expect(
    page.getByRole('combobox', { name: 'Budget' }).locator('option', { hasText: /^long: .* here\)$/ }),
  ).toHaveCount(1);
  for (const name of ['plain, 8 layers', 'residual, 20 layers'])
    await expect(points(page, name)).toHaveAttribute('data-points', /^[1-9]/);
  await expect(page.getByText(/about \d+ (min|s)( \d+ s)? left/)).toBeVisible();

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText(/Paused at step \d+ of 12/)).toBeVisible();
  // a step in flight may still land; after that nothing moves while paused
  const settled = await points(page, 'plain, 8 layers').getAttribute('data-points');
  await page.waitForTimeout(4000); // proving that nothing happens takes time
  const after = await points(page, 'plain, 8 layers').getAttribute('data-points');
  expect(Number(after) - Number(settled)).toBeLessThanOrEqual(1);

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText(new RegExp(`^Finished 12 steps on ${WASM} in \\d+ (min|s)( \\d+ s)?\\.$`))).toBeVisible({
    timeout: 300_000,
  });
  for (const name of ['plain, 8 layers', 'residual, 20 layers'])
    await expect(points(page, name)).toHaveAttribute('data-points', '12');
  await expect(page.getByText(/^After 12 steps the 20-layer plain network's training loss is \d\.\d\d/)).toBeVisible();
  // the verdict, whichever way this run went
  await expect(
    page.getByText(/This run shows the degradation problem|does not show the effect|does not do better/),
  ).toBeVisible();

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON' }).click()]);
  const run = JSON.parse(await readFile((await json.path())!, 'utf8'));
  expect(run).toMatchObject({ backend: 'wasm', budget: 'quick', config: { steps: 12, width: 2, ns: [1, 3] } });
  expect(run.networks.map((n: { id: string; loss: unknown[] }) => [n.id, n.loss.length])).toEqual([
    ['plain-1', 12],
    ['residual-1', 12],
    ['plain-3', 12],
    ['residual-3', 12],
  ]);
  expect(run.times.trainingSeconds).toBeGreaterThan(0);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  const lines = (await readFile((await csv.path())!, 'utf8')).split('\n');
  expect(lines).toContain('# backend: wasm');
  expect(lines.filter((l) => /^plain-3,plain,20,\d+,[\d.]+,loss,,/.test(l))).toHaveLength(12);

  // the race's own pace now times the budgets, and still does after Reset
  const budgetMenu = page.getByRole('combobox', { name: 'Budget' });
  await expect(page.getByText('times from the pace of the last race here')).toBeVisible();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('button', { name: 'Start the race' })).toBeEnabled();
  await expect(points(page, 'plain, 8 layers')).toHaveAttribute('data-points', '0');
  await expect(page.getByText('times from the pace of the last race here')).toBeVisible();
  await expect(budgetMenu.locator('option', { hasText: /^long: .* here\)$/ })).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});

test('with no backend in the link, the software adapters are not timed: WebAssembly trains first and they are skipped', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // the e2e Chromium's WebGPU and WebGL are SwiftShader: once timed first, as if they were GPUs (43 s)
  await page.goto('/?rbudget=quick&rdepths=8&rwidth=2&rsteps=4#/race');
  await page.getByRole('button', { name: 'Start the race' }).click();
  await expect(page.getByText(new RegExp(`Measured on this device .*${WASM} \\d+ ms per step`))).toBeVisible({
    timeout: 120_000,
  });
  for (const gpu of ['WebGPU', 'WebGL'])
    await expect(
      page.getByText(`${gpu} (software adapter) not timed: a faster backend had already trained`, {
        exact: false,
      }),
    ).toBeVisible();
  await expect(page.getByText(/^Finished 4 steps on /)).toBeVisible({ timeout: 240_000 });
});

test('leaving the chapter and coming back keeps the race: its worker, curves and progress', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`/?backend=wasm&rbudget=quick&rdepths=8&rwidth=2&rsteps=1000#/race`);
  await expect(page.getByText(/training images .* are loaded/)).toBeVisible();
  const workers: import('@playwright/test').Worker[] = [];
  page.on('worker', (w) => workers.push(w));
  await page.getByRole('button', { name: 'Start the race' }).click();
  await expect(points(page, 'plain, 8 layers')).toHaveAttribute('data-points', /^[1-9]/, { timeout: 90_000 });
  const raceWorkers = workers.filter((w) => w.url().includes('raceWorker'));
  expect(raceWorkers).toHaveLength(1);
  let closed = false;
  raceWorkers[0]!.on('close', () => (closed = true));

  await page.getByRole('link', { name: '3 · The network' }).click();
  await expect(page.getByRole('heading', { name: 'The network, layer by layer' })).toBeVisible();
  await page.getByRole('link', { name: '4 · Train it live', exact: true }).click();
  const before = Number(await points(page, 'plain, 8 layers').getAttribute('data-points'));
  expect(before).toBeGreaterThan(0);
  await expect(page.getByText(new RegExp(`Training on ${WASM}: step \\d+ of 1000`))).toBeVisible();
  // it went on training while away, in the same worker
  await expect(points(page, 'plain, 8 layers')).not.toHaveAttribute('data-points', String(before), { timeout: 90_000 });
  expect(closed).toBe(false);
  expect(workers.filter((w) => w.url().includes('raceWorker'))).toHaveLength(1);
});

test('the chapter speaks Chinese: controls, budgets, status and the verdict', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto(`/?lang=zh&${SMALL.replace('rsteps=12', 'rsteps=4')}`);
  await page.getByRole('navigation', { name: '章节' }).getByRole('link', { name: '4 · 现场训练' }).click();
  await expect(page.getByRole('heading', { name: '现场训练：普通网络与残差网络赛跑' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '预算' }).locator('option').first()).toHaveText(/自动/);
  await page.getByRole('button', { name: '开始赛跑' }).click();
  await expect(page.getByText(/预计在这里用时约/)).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText(/^已在 .* 上完成 4 步，用时/)).toBeVisible({ timeout: 300_000 });
  await expect(page.getByText(/^4 步之后，20 层普通网络的训练损失是/)).toBeVisible();
  await expect(page.getByRole('button', { name: '重置' })).toBeEnabled();
});
