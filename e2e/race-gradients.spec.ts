/**
 * Every backend held to PyTorch while training: the race chapter's "Checked against PyTorch",
 * forced onto WebGPU, WebGL and WebAssembly in turn (`?backend=`, no fallback), trains the
 * 8-layer plain and residual networks (width 4) for three steps in its own worker and compares
 * the loss, every gradient, each layer's gradient norm and every parameter with PyTorch's
 * (training/grad_fixtures.py). A backend that cannot start fails the test: the check never
 * stands another backend in for it.
 */
import { expect, test } from './fixtures';

for (const backend of ['webgpu', 'webgl', 'wasm'])
  test(`${backend}: the race's training step matches PyTorch's`, async ({ page, consoleErrors }) => {
    test.setTimeout(480_000);
    await page.goto(`/?backend=${backend}&rdepths=8&rwidth=4#/race`);
    await page.getByText('Checked against PyTorch', { exact: true }).click();
    const verdict = page.getByRole('status', { name: 'Checked against PyTorch' });
    await expect(verdict).toHaveAttribute('data-verdict', /^(pass|fail|error)$/, { timeout: 420_000 });
    const text = (await verdict.textContent()) ?? '';
    expect(await verdict.getAttribute('data-verdict'), text).toBe('pass');
    // the numbers are this backend's, not a fallback's
    await expect(verdict).toHaveAttribute('data-backend', backend);
    const rows = page.getByRole('table', { name: /against PyTorch/ }).locator('tbody tr');
    await expect(rows).toHaveCount(2);
    for (const row of await rows.all()) {
      const network = await row.getAttribute('data-network');
      const relative = Number(await row.getAttribute('data-relative'));
      const seconds = Number(await row.getAttribute('data-seconds'));
      expect(relative).toBeLessThanOrEqual(1e-4);
      test.info().annotations.push({
        type: `${backend} ${network}`,
        description: `largest relative error ${relative.toExponential(2)}, ${seconds.toFixed(1)} s for 3 steps`,
      });
      console.log(
        `${backend} ${network}: largest relative error ${relative.toExponential(2)}, ${seconds.toFixed(1)} s`,
      );
    }
    expect(consoleErrors).toEqual([]);
  });
