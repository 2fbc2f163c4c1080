/** Formulas are typeset (KaTeX, MathML only: no inline styles, so a strict CSP allows them) on every chapter, in both languages. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function expectFormula(page: Page, name: string | RegExp, tex: string | RegExp) {
  const group = page.getByRole('group', { name });
  await expect(group.locator('math')).toHaveCount(1);
  await expect(group.locator('annotation[encoding="application/x-tex"]')).toHaveText(tex);
  expect(await group.locator('[style]').count()).toBe(0);
}

test('each chapter typesets its formula, in English and Chinese', async ({ page }) => {
  await page.goto('/?backend=wasm#/function-classes');
  await expectFormula(page, /^Nested function classes:/, /\\subseteq/);
  await page.goto('/?backend=wasm&lang=zh#/residual-block');
  await expectFormula(page, /^残差块计算的内容/, 'f(\\mathbf{x}) = g(\\mathbf{x}) + \\mathbf{x}');
  // ResNet-18: the output-size formula with the numbers of b1's convolution on the notebook's input
  await page.goto('/?backend=wasm&size=224&input=rand:0&step=b1.conv');
  await expectFormula(page, /^Output size/, /\\frac\{224 \+ 2 \\cdot 3 - 7\}\{2\} \\right\\rfloor \+ 1 = 112$/);
  await page.goto('/?backend=wasm&size=224&input=rand:0&step=b3.0.conv3&lang=zh');
  await expectFormula(page, /^输出尺寸/, /\\frac\{56 \+ 2 \\cdot 0 - 1\}\{2\} \\right\\rfloor \+ 1 = 28$/);
  await page.goto('/?backend=wasm&size=224&input=rand:0&step=b2.0.bn1');
  await expectFormula(page, /^Batch normalisation/, /\\mu_B/);
});
