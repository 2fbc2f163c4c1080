import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { landscapeStrings } from '../src/i18n/landscape';

// a tiny race from the link (8 layers, width 2, 12 steps on WebAssembly) and a 7 × 7 landscape
const URL = '/?backend=wasm&rbudget=quick&rdepths=8&rwidth=2&rsteps=12&lgrid=7#/race';

/** The numbers drawn under each map: `{ title: [rise, share] }`. */
async function drawnNumbers(page: import('@playwright/test').Page, figure: string) {
  const panels = page.getByRole('img', { name: figure }).locator('g.landscape-panel');
  const out: Record<string, string[]> = {};
  for (const p of await panels.all()) {
    const notes = await p.locator('text.landscape-note').allTextContents();
    // the rise after the colon, the share as a percentage
    out[(await p.getAttribute('data-title'))!] = [notes[0]!.split(/[:：]\s*/).at(-1)!, /(\d+%)/.exec(notes[1]!)![1]!];
  }
  return out;
}

test('after a tiny race, a 7 × 7 loss surface is estimated, cancelled, computed, drawn and described from its numbers (en, zh)', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(600_000);
  await page.goto(URL);
  const en = landscapeStrings.en.landscape;
  await expect(page.getByText(en.needRace)).toBeVisible();
  // before any race: PyTorch's 56-layer surfaces alone, said to be them
  await expect(page.getByText(en.referenceFirst)).toBeVisible();
  const panels = page.getByRole('img', { name: en.figure }).locator('g.landscape-panel');
  await expect(panels).toHaveCount(2, { timeout: 60_000 });
  expect(Object.keys(await drawnNumbers(page, en.figure))).toEqual(['plain, 56 layers', 'residual, 56 layers']);
  await page.getByRole('button', { name: 'Start the race' }).click();
  await expect(page.getByText(/^Finished 12 steps on WebAssembly/)).toBeVisible({ timeout: 300_000 });
  await expect(page.getByText(/The link asks for a small grid \(7 × 7\)/)).toBeVisible();
  // the time is said before anything is computed
  await expect(
    page.getByText(/computes 49 grid points for each of 2 networks on WebAssembly \(CPU\): about \d+ (min|s)/),
  ).toBeVisible({ timeout: 120_000 }); // the estimate times one point first: long on a loaded machine

  await page.getByRole('button', { name: en.start }).click();
  await page.getByRole('button', { name: en.cancel }).click();
  await expect(page.getByRole('button', { name: en.start })).toBeVisible();
  // nothing of this race is drawn: PyTorch's two maps only
  await expect(panels).toHaveCount(2);

  await page.getByRole('button', { name: en.start }).click();
  await expect(page.getByRole('progressbar', { name: en.progressLabel })).toBeVisible();
  const figure = page.getByRole('img', { name: en.figure });
  await expect(figure).toBeVisible();
  // this race's two maps join PyTorch's
  await expect(panels).toHaveCount(4, { timeout: 300_000 });
  // the two maps of this race, beside PyTorch's two 56-layer maps
  const drawn = await drawnNumbers(page, en.figure);
  expect(Object.keys(drawn).slice(0, 2)).toEqual(['plain, 8 layers', 'residual, 8 layers']);
  for (const id of ['plain-1', 'residual-1']) {
    const title = `${id.split('-')[0]}, 8 layers`;
    const [rise, share] = drawn[title]!;
    const sentence = page.locator(`li[data-network="${id}"]`);
    await expect(sentence).toContainText(`rises by up to ${rise};`);
    await expect(sentence).toContainText(`negative eigenvalue at ${share} of the inner grid points`);
  }
  await expect(page.getByText(/At 8 layers both surfaces are expected to be smooth/)).toBeVisible();
  // PyTorch's 56-layer reference beside them, its sentence quoting its maps' numbers
  expect(Object.keys(drawn).slice(2)).toEqual(['plain, 56 layers', 'residual, 56 layers']);
  const reference = page.getByText(/^PyTorch’s 56-layer networks/);
  await expect(reference).toContainText(`rises by up to ${drawn['plain, 56 layers']![0]} within radius 0.5`);
  await expect(reference).toContainText(`non-convex at ${drawn['residual, 56 layers']![1]}.`);
  await expect(page.getByText(/Convexity is measured in this plane only/)).toBeVisible();
  await expect(figure.locator('.landscape-colour-bar')).toHaveCount(1);
  await expect(figure.locator('.landscape-slice path[stroke-dasharray]')).toHaveCount(Object.keys(drawn).length - 2);
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download “${en.figure}” as SVG`, exact: true }).click(),
  ]);
  expect(await readFile((await svg.path())!, 'utf8')).toContain('plain, 8 layers');

  // the same numbers in Chinese
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  const zh = landscapeStrings.zh.landscape;
  const drawnZh = await drawnNumbers(page, zh.figure);
  const [rise, share] = Object.values(drawnZh)[0]!;
  await expect(page.locator('li[data-network="plain-1"]')).toContainText(`最多上升 ${rise}`);
  await expect(page.locator('li[data-network="plain-1"]')).toContainText(`在 ${share} 的内部网格点`);
  expect(Object.values(drawnZh).slice(0, 2)).toEqual(Object.values(drawn).slice(0, 2));

  // leaving the chapter and coming back: the surface is kept, not computed again
  await page.getByRole('link', { name: /^3 · / }).click();
  await expect(page.getByRole('img', { name: zh.figure })).toHaveCount(0);
  await page.getByRole('link', { name: /^4 · /, exact: false }).first().click();
  await expect(page.getByRole('img', { name: zh.figure })).toBeVisible();
  await expect(page.getByRole('img', { name: zh.figure }).locator('g.landscape-panel')).toHaveCount(4);
  await expect(page.getByRole('progressbar', { name: zh.progressLabel })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
