/**
 * Every backend held to PyTorch's numbers: the shipped weights run in Chromium on WebGPU,
 * WebGL, WebAssembly and plain JavaScript, on PyTorch's own input tensors, and each stage's
 * whole output (b1 … b5, the pooling) and the logits must match PyTorch's
 * (training/golden.py) to ‖a − b‖/‖b‖ ≤ 1e-3. The model runs on a test-only page
 * (e2e/pages/model.html, served by Vite's dev server) that imports src/model directly,
 * so the check does not depend on how the app's interface drives the model.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import type { ModelPage } from './pages/model';
import { startPagesServer, type RunningServer } from '../src/cli/pageServer';
import { parseGoldenStages, relativeError, type GoldenStagesIndex } from '../src/model/goldenStages';

const fixtures = new URL('../src/model/__fixtures__/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('golden-stages.json', fixtures), 'utf8')) as GoldenStagesIndex;
const golden = parseGoldenStages(index, readFileSync(new URL(index.file, fixtures)));
const TOLERANCE = 1e-3;

let server: RunningServer | undefined;
test.beforeAll(async () => {
  server = await startPagesServer();
});
test.afterAll(async () => {
  await server?.close();
});

for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu']) {
  test(`${backend}: b1 … b5, the pooling and the logits match PyTorch's to 1e-3`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(`${server?.url}e2e/pages/model.html`);
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    const started = await page.evaluate(
      (b) => (window as unknown as { modelPage: ModelPage }).modelPage.start(b),
      backend,
    );
    // no fallback: the numbers below are this backend's
    expect(started.backend).toBe(backend);
    const errors: string[] = [];
    let largest = 0;
    for (const g of golden) {
      const [input, ...stages] = g.stages;
      if (!input) throw new Error('the fixture has no input');
      const out = await page.evaluate(
        ([data, shape, nodes]) => (window as unknown as { modelPage: ModelPage }).modelPage.stages(data, shape, nodes),
        [Array.from(input.data), [...input.shape], stages.map((s) => s.node)] as const,
      );
      for (const s of stages) {
        const error = relativeError(out[s.node] ?? [], s.data);
        largest = Math.max(largest, error);
        if (!(error <= TOLERANCE)) errors.push(`${g.name} ${s.name} (${s.node}): ${error.toExponential(2)}`);
      }
    }
    test.info().annotations.push({ type: 'largest relative error', description: largest.toExponential(2) });
    expect(errors, `stages off by more than ${TOLERANCE} on ${backend}`).toEqual([]);
  });
}
