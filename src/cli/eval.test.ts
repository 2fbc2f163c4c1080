import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_TIMEOUT_MS, runTsx } from './runTsx';

/** PyTorch's answers for the same weights on the same images (training/golden.py). */
interface GoldenEval {
  perClass: number;
  images: number;
  correct: number;
  predicted: number[];
}

const golden = JSON.parse(
  readFileSync(new URL('../model/__fixtures__/golden-eval.json', import.meta.url), 'utf8'),
) as GoldenEval;

describe('npm run eval', { timeout: CLI_TIMEOUT_MS }, () => {
  it('scores a class-balanced held-out subset exactly as PyTorch does, in a confusion matrix that adds up', async () => {
    const r = await runTsx('src/cli/eval.ts', ['--limit', String(golden.perClass), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      images: number;
      accuracy: number;
      confusion: number[][];
      classNames: string[];
      predictions: number[];
    };
    expect(doc.images).toBe(golden.images);
    expect(doc.classNames).toHaveLength(10);
    expect(doc.confusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(new Array(10).fill(golden.perClass));
    const diag = doc.confusion.reduce((a, row, i) => a + (row[i] as number), 0);
    expect(doc.accuracy).toBe(diag / golden.images);
    // the same count as PyTorch, and the same answer on every image (the closest call in PyTorch
    // is 0.09 logits apart, far above the 1e-3 relative error the parity tests allow)
    expect(diag).toBe(golden.correct);
    expect(doc.predictions).toEqual(golden.predicted);
  });

  it('rejects a bad option with a clear message', async () => {
    const r = await runTsx('src/cli/eval.ts', ['--limit', '0']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--limit takes a whole number/);
  });
});
