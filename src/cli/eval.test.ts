import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run eval', () => {
  it('scores held-out images and fills a confusion matrix that adds up', () => {
    const out = execFileSync('npx', ['tsx', 'src/cli/eval.ts', '--limit', '5', '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const doc = JSON.parse(out) as { images: number; accuracy: number; confusion: number[][]; classNames: string[] };
    expect(doc.images).toBe(50);
    expect(doc.classNames).toHaveLength(10);
    expect(doc.confusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(new Array(10).fill(5));
    const diag = doc.confusion.reduce((a, row, i) => a + (row[i] as number), 0);
    expect(doc.accuracy).toBe(diag / 50);
  });

  it('rejects a bad option with a clear message', () => {
    expect(() => execFileSync('npx', ['tsx', 'src/cli/eval.ts', '--limit', '0'], { stdio: 'pipe' })).toThrow(
      /--limit takes a whole number/,
    );
  });
});
