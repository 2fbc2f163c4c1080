import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const LAB = '/?backend=wasm#/residual-block';

const outputShape = (page: Page) => page.getByRole('status', { name: 'Y.shape' });
const pytorchError = (page: Page) => page.locator('.traceback');
const stepButton = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'The data path, step by step' })
    .getByRole('button', { name: new RegExp(`^${name.replace(/[()+]/g, '\\$&')} `) });

test("the notebook's two presets give the notebook's shapes, step by step, with feature maps", async ({
  page,
  consoleErrors,
}) => {
  await page.goto(LAB);
  await page.getByRole('button', { name: /Residual\(3, 3\) — the d2l notebook’s first example/ }).click();
  await expect(outputShape(page)).toHaveText('(4, 3, 6, 6)');
  await expect(page.getByText('torch.Size([4, 3, 6, 6])\ntorch.Size([4, 3, 6, 6])')).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Feature maps of relu \(out\), sample 0: 3 channels of 6×6/ }),
  ).toBeVisible();

  await page.getByRole('button', { name: /the d2l notebook’s second example/ }).click();
  await expect(outputShape(page)).toHaveText('(4, 6, 3, 3)');
  await expect(page.getByRole('textbox', { name: 'Python: the block' })).toHaveValue(
    'blk = Residual(3, 6, use_1x1conv=True, strides=2)',
  );
  await expect(stepButton(page, 'conv1')).toContainText('(4, 6, 3, 3)');
  await expect(stepButton(page, 'conv3')).toContainText('(4, 6, 3, 3)');
  await stepButton(page, 'X').click();
  await expect(page.getByRole('img', { name: /Feature maps of X, sample 0: 3 channels of 6×6/ })).toBeVisible();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByRole('img', { name: /Feature maps of conv1, sample 0: 6 channels of 3×3/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /conv1/ })).toContainText('⌊(6 + 2·1 − 3)/2⌋ + 1 = 3');
  await expect(page.getByRole('row', { name: /conv1/ })).toContainText('6·3·3·3 + 6 = 168');
  expect(consoleErrors).toEqual([]);

  // the picked step is part of the link
  await expect(page).toHaveURL(/bstep=conv1/);
  await page.goto('/?backend=wasm&blk=3_6_1_2__4_3_6_6&bstep=conv3#/residual-block');
  await expect(page.getByRole('img', { name: /Feature maps of conv3, sample 0: 6 channels of 3×3/ })).toBeVisible();
});

test("more channels without the 1×1 conv fails with PyTorch's message; the fix applies the 1×1 conv", async ({
  page,
  consoleErrors,
}) => {
  await page.goto(LAB);
  await page.getByRole('button', { name: /Residual\(3, 6\) — more channels/ }).click();
  await expect(pytorchError(page)).toHaveText(
    'RuntimeError: The size of tensor a (6) must match the size of tensor b (3) at non-singleton dimension 1',
  );
  await expect(page.getByText(/PyTorch raises an error at Y \+= X/)).toBeVisible();
  await expect(
    page.getByText(/give Y 6 channels \(num_channels\), but the shortcut still carries X’s 3/),
  ).toBeVisible();
  await expect(stepButton(page, 'Y += X')).toContainText('fails here');
  await expect(page.getByRole('img', { name: /Feature maps of Y \(bn2\), sample 0: 6 channels of 6×6/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Feature maps of X, sample 0: 3 channels of 6×6/ })).toBeVisible();
  // what ran before the error is shown: Y has 6 channels, X has 3
  await stepButton(page, 'bn2').click();
  await expect(page.getByRole('img', { name: /Feature maps of bn2, sample 0: 6 channels of 6×6/ })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('img', { name: /Feature maps of conv2, sample 0: 6 channels of 6×6/ })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(page.getByRole('img', { name: /Feature maps of X, sample 0: 3 channels of 6×6/ })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: /dimension by dimension/ })
      .getByRole('row')
      .nth(3),
  ).toContainText('✗ mismatch');
  await page.getByRole('button', { name: 'Use the 1×1 convolution (use_1x1conv=True)' }).click();
  await expect(outputShape(page)).toHaveText('(4, 6, 6, 6)');
  await expect(page.getByRole('checkbox', { name: 'use_1x1conv' })).toBeChecked();
  await expect(page).toHaveURL(/blk=3_6_1_1__4_3_6_6/);
  expect(consoleErrors).toEqual([]);
});

test("stride 2 without the 1×1 conv fails at the last dimension; a teacher's link opens it", async ({ page }) => {
  await page.goto(LAB);
  await page.getByRole('spinbutton', { name: 'strides' }).fill('2');
  await expect(pytorchError(page)).toHaveText(
    'RuntimeError: The size of tensor a (3) must match the size of tensor b (6) at non-singleton dimension 3',
  );
  await expect(page.getByText(/compares sizes from the last dimension/)).toBeVisible();
  await page.goto('/?backend=wasm&blk=3_6_0_2__4_3_6_6#/residual-block');
  await expect(page.getByRole('textbox', { name: 'Python: the block' })).toHaveValue('blk = Residual(3, 6, strides=2)');
  await expect(pytorchError(page)).toContainText('at non-singleton dimension 3');
  await page.getByRole('button', { name: /Use the 1×1 convolution/ }).click();
  await expect(outputShape(page)).toHaveText('(4, 6, 3, 3)');
});

test('some mismatches succeed by broadcasting, and Y += X cannot grow Y', async ({ page }) => {
  await page.goto(LAB);
  await page.getByRole('button', { name: /succeeds by broadcasting/ }).click();
  await expect(outputShape(page)).toHaveText('(2, 4, 5, 5)');
  await expect(page.getByText(/worked by broadcasting: X has size 1 in dimension 1/)).toBeVisible();
  await page.getByRole('button', { name: /Y \+ X would work, Y \+= X does not/ }).click();
  await expect(pytorchError(page)).toHaveText(
    "RuntimeError: output with shape [2, 1, 5, 5] doesn't match the broadcast shape [2, 4, 5, 5]",
  );
  await expect(page.getByText(/whose shape \[2, 1, 5, 5\] cannot grow/)).toBeVisible();
  // the same through the Python lines: stride 6 makes Y 1×1, which broadcasts but cannot hold the result
  const x = page.getByRole('textbox', { name: 'Python: the input' });
  await page.getByRole('textbox', { name: 'Python: the block' }).fill('blk = Residual(3, 3, strides=6)');
  await x.fill('X = torch.rand(4, 3, 6, 6)');
  await x.press('Enter');
  await expect(pytorchError(page)).toHaveText(
    "RuntimeError: output with shape [4, 3, 1, 1] doesn't match the broadcast shape [4, 3, 6, 6]",
  );
});

test('the Python line is parsed like Python, and values PyTorch rejects get a clear message', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(LAB);
  const blk = page.getByRole('textbox', { name: 'Python: the block' });
  await blk.fill('blk = Residual(3, 6, stride=2)');
  await blk.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: "unexpected keyword argument 'stride'" })).toBeVisible();
  await blk.fill('blk = Residual(3, 6, use_1x1conv=True, strides=2)');
  await blk.press('Enter');
  await expect(outputShape(page)).toHaveText('(4, 6, 3, 3)');

  await page.getByRole('spinbutton', { name: 'num_channels' }).fill('-2');
  await expect(pytorchError(page)).toHaveText(
    'RuntimeError: Trying to create tensor with negative dimension -2: [-2, 3, 3, 3]',
  );
  await page.getByRole('spinbutton', { name: 'num_channels' }).fill('6');
  await page.getByRole('spinbutton', { name: 'input_channels' }).fill('3.5');
  await expect(pytorchError(page)).toHaveText('ValueError: in_channels must be divisible by groups');
  await page.getByRole('spinbutton', { name: 'input_channels' }).fill('');
  await expect(page.getByText('input_channels: type a number.')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'input_channels' }).fill('3');
  await page.getByRole('spinbutton', { name: 'strides' }).fill('0');
  await expect(pytorchError(page)).toHaveText('RuntimeError: non-positive stride is not supported');
  await page.getByRole('button', { name: /Change it to blk = Residual\(3, 6, use_1x1conv=True\)/ }).click();
  await expect(outputShape(page)).toHaveText('(4, 6, 6, 6)');
  expect(consoleErrors).toEqual([]);
});

test('sizes beyond the browser are refused before any tensor is made, and the page stays responsive', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(LAB);
  const x = page.getByRole('textbox', { name: 'Python: the input' });
  await x.fill('X = torch.rand(64, 3, 224, 224)');
  await x.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: /more than this page keeps at once/ })).toBeVisible();
  await expect(outputShape(page)).toHaveText('(64, 3, 224, 224)');
  await page.getByRole('button', { name: /the d2l notebook’s first example/ }).click();
  await expect(page.getByRole('img', { name: /Feature maps of relu \(out\)/ })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the identity, measured: the residual block passes x through, the regular block outputs 0', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(LAB);
  await page.getByRole('button', { name: 'Run the identity experiment' }).click();
  await expect(page.getByLabel('residual max |out − x| = 0')).toBeVisible();
  await expect(page.getByLabel('regular max |out| = 0')).toBeVisible();
  await expect(page.getByText(/^max \|out − x\| = 0\.9\d+/)).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('in Chinese', async ({ page }) => {
  await page.goto('/?backend=wasm&lang=zh&blk=3_6_0_1__4_3_6_6#/residual-block');
  await expect(page.getByRole('heading', { name: 'PyTorch 会怎么做' })).toBeVisible();
  await expect(pytorchError(page)).toContainText('The size of tensor a (6) must match the size of tensor b (3)');
  await page.getByRole('button', { name: /使用 1×1 卷积/ }).click();
  await expect(outputShape(page)).toHaveText('(4, 6, 6, 6)');
});

test("WebGPU smoke: the notebook's second example runs on the GPU backend", async ({ page, consoleErrors }) => {
  await page.goto('/?backend=webgpu&blk=3_6_1_2__4_3_6_6#/residual-block');
  await expect(page.getByRole('status', { name: 'Runs on' })).toHaveAttribute('data-backend', 'webgpu');
  await expect(page.getByText(/Works\. Y\.shape is/)).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('(4, 6, 3, 3)').first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

for (const lang of ['en', 'zh'] as const) {
  const words =
    lang === 'zh'
      ? { stale: /^已过时：.*blk = Residual\(3, 8\); X = torch\.rand\(4, 3, 6, 6\)$/, maps: /8 个 6×6 通道/ }
      : { stale: /^Out of date: .*blk = Residual\(3, 8\); X = torch\.rand\(4, 3, 6, 6\)$/, maps: /8 channels of 6×6/ };
  test(`the data path says it is out of date while the edited line did not run (${lang})`, async ({ page }) => {
    await page.goto(`/?backend=wasm&lang=${lang}#/residual-block`);
    const path = page.locator('.lab-path');
    const blk = page.locator('.lab-code input').first();
    await blk.fill('blk = Residual(3, 8)');
    await blk.press('Enter');
    await expect(path.getByRole('img', { name: words.maps }).first()).toBeVisible({ timeout: 60_000 });
    await expect(path.locator('.stale-note')).toHaveCount(0);
    // a line PyTorch cannot run: the path still shows Residual(3, 8), and says so
    await blk.fill('blk = Residual(3)');
    await blk.press('Enter');
    await expect(page.locator('.field-error')).toContainText('TypeError');
    await expect(path.locator('.stale-note')).toHaveText(words.stale);
    await expect(path).toHaveClass(/\bstale\b/);
    // a line that runs: current again
    await blk.fill('blk = Residual(3, 4)');
    await blk.press('Enter');
    await expect(path.locator('.stale-note')).toHaveCount(0);
    await expect(path).not.toHaveClass(/\bstale\b/);
  });
}
