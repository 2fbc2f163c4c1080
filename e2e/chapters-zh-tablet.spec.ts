/**
 * The chapters beyond ResNet-18, in Chinese and on a tablet: every variant names the classes in
 * the page's language and says which network it walks through; the block view's boxes hold
 * their shapes; the lab's drawings keep 11 px text at 768 wide; its messages say when they are
 * out of date, say "fix" once, and count in the language's plural forms.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 300_000 });

/** ResNet-50 (trained at 32×32, its weights downloaded on demand) opened at the bottleneck block of b3. */
const R50 = '/?backend=wasm&arch=resnet50&step=b3.0.conv1';

/** Every text of the architecture diagram's boxes that reaches outside its box (name: text). */
async function spilledBoxTexts(page: Page): Promise<string[]> {
  return page.locator('.diagram svg').evaluate((svg) =>
    Array.from(svg.querySelectorAll('g.box'), (g) => {
      const rect = g.querySelector('rect');
      if (!rect) return [];
      const w = rect.width.baseVal.value;
      return Array.from(g.querySelectorAll('text'))
        .filter((t) => {
          const b = t.getBBox();
          return b.width > 0 && (b.x < 0 || b.x + b.width > w);
        })
        .map((t) => `${t.textContent} (${Math.round(t.getBBox().width)} in ${Math.round(w)})`);
    }).flat(),
  );
}

for (const lang of ['en', 'zh'] as const) {
  const words =
    lang === 'zh'
      ? { first: 'T恤/上衣', trouser: '裤子', traced: /追踪了 171 个运算/, intro: /写成的 ResNet-50：/ }
      : { first: 'T-shirt/top', trouser: 'Trouser', traced: /Traced 171 operations/, intro: /through ResNet-50, / };
  test(`ResNet-50 in ${lang} on a tablet: class names, the introduction and the block view's boxes`, async ({
    page,
  }) => {
    // held upright, the diagram is laid out at its narrowest and scrolls: where the boxes were too small
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${R50}&lang=${lang}`);
    await expect(page.getByText(words.traced)).toBeVisible({ timeout: 180_000 });
    // soft: each point is reported on its own (a break of one shows which)
    const soon = { timeout: 5_000 };
    await expect.soft(page.locator('.stepper-intro')).toHaveText(words.intro, soon);
    await expect.soft(page.locator('.stepper-intro')).not.toContainText('resnet_18', soon);
    // the sample menu and the predictions use the page's names, as ResNet-18's do
    const menu = page.locator('.input-panel select').first();
    await expect.soft(menu.locator('option').first()).toHaveText(`${words.first} · c0-6000`, soon);
    await expect
      .soft(page.locator('section.probabilities').getByText(words.trouser, { exact: true }).first())
      .toBeAttached(soon);
    await expect.soft(page.getByText(/t-shirt|trouser/)).toHaveCount(0, soon);
    // "(1, 128, 16, 16)" and its neighbours stay inside their boxes
    await expect(page.locator('.diagram g.box[aria-current="step"]')).toBeVisible();
    expect.soft(await spilledBoxTexts(page)).toEqual([]);
  });
}

/** Each text of the lab's drawings whose size on screen (font size × the drawing's scale) is under 11 px. */
async function smallLabText(page: Page): Promise<string[]> {
  return page.locator('.block-diagram').evaluateAll((svgs) =>
    svgs.flatMap((svg) => {
      const scale = (svg as SVGSVGElement).getScreenCTM()?.a ?? 0;
      return Array.from(svg.querySelectorAll('text'))
        .map((t) => ({ text: t.textContent ?? '', px: parseFloat(getComputedStyle(t).fontSize) * scale }))
        .filter((t) => t.text.trim() !== '' && t.px < 11)
        .map((t) => `${t.text}: ${t.px.toFixed(1)} px`);
    }),
  );
}

for (const lang of ['en', 'zh'] as const) {
  const words =
    lang === 'zh'
      ? { stale: /已过时/, fix: /^修正：改为 blk = Residual/, oneChannel: /1 个 6×6 通道/ }
      : { stale: /Out of date/, fix: /^Fix: Change it to blk = Residual/, oneChannel: /1 channel of 6×6/ };
  test(`the lab at 768×1024 in ${lang}: 11 px text, messages that say when they are stale, fix once, counts`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    // strides=0: PyTorch refuses it, and the page offers the fix
    await page.goto(`/?backend=wasm&lang=${lang}&blk=3_6_0_0__4_3_6_6#/residual-block`);
    const outcome = page.locator('.lab-outcome');
    await expect(outcome.locator('.traceback')).toContainText('non-positive stride');
    const soon = { timeout: 5_000 };
    await expect.soft(outcome.locator('p', { has: page.locator('.fix-button') })).toHaveText(words.fix, soon);
    expect.soft(await smallLabText(page)).toEqual([]);
    // a line that does not run: its TypeError under it, and the outcome says it is out of date
    const blk = page.locator('.lab-code input').first();
    await blk.fill('blk = Residual(3)');
    await blk.press('Enter');
    await expect(page.locator('.field-error')).toContainText('TypeError');
    await expect.soft(outcome.locator('.stale-note')).toHaveText(words.stale, soon);
    // a line that runs again: no longer out of date; one input channel is "1 channel"
    await blk.fill('blk = Residual(1, 1)');
    await page.locator('.lab-code input').nth(1).fill('X = torch.rand(4, 1, 6, 6)');
    await blk.press('Enter');
    await expect(outcome.locator('.stale-note')).toHaveCount(0);
    await expect(outcome.locator('output')).toHaveText('(4, 1, 6, 6)');
    await expect.soft(page.getByRole('img', { name: words.oneChannel }).first()).toBeVisible({ timeout: 60_000 });
  });
}
