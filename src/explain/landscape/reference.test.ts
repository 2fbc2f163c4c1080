import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RACE_BUDGETS } from '../race/budgets';
import { LANDSCAPE_GRID, LANDSCAPE_IMAGES } from './grid';
import { LANDSCAPE_REFERENCE_FILE, parseLandscapeReference } from './reference';

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

  it("ships plain-56 and residual-56 trained with the long budget's recipe, each on the page's grid", () => {
    const shipped = JSON.parse(readFileSync(join(__dirname, '../../../public', LANDSCAPE_REFERENCE_FILE), 'utf8'));
    const ref = parseLandscapeReference(shipped);
    const long = RACE_BUDGETS.long;
    expect(ref.recipe).toMatchObject({ width: long.width, steps: long.steps, batch: long.batch });
    expect(ref.images).toBe(LANDSCAPE_IMAGES);
    expect(ref.runs.map((r) => [r.id, r.depth, r.steps, r.size])).toEqual([
      ['plain-9', 56, long.steps, LANDSCAPE_GRID],
      ['residual-9', 56, long.steps, LANDSCAPE_GRID],
    ]);
  });
});
