import { describe, expect, it } from 'vitest';
import { parseLandscapeReference } from './reference';

const file = (runs: unknown[]) => ({
  source: 'training/landscape.py deep',
  recipe: { width: 8, steps: 400, batch: 64 },
  directionSeed: 20,
  images: 256,
  grid: { size: 3, min: -1, max: 1 },
  runs,
});

describe('the PyTorch reference landscapes', () => {
  it('reads each run with its own grid', () => {
    const ref = parseLandscapeReference(
      file([
        { family: 'plain', n: 9, valAccuracy: 0.7, loss: Array(9).fill(1) },
        { family: 'residual', n: 9, valAccuracy: 0.8, size: 5, loss: Array(25).fill(1) },
      ]),
    );
    expect(ref.runs.map((r) => [r.id, r.depth, r.size])).toEqual([
      ['plain-9', 56, 3],
      ['residual-9', 56, 5],
    ]);
  });

  it('refuses a file of another shape with a readable message', () => {
    expect(() => parseLandscapeReference(file([{ family: 'plain', n: 9, loss: [1, 2] }]))).toThrow(/expected shape/);
    expect(() => parseLandscapeReference({})).toThrow(/expected shape/);
  });
});
