import { describe, expect, it } from 'vitest';
import { cleanEntries, heldOutOfClass } from './fashionMnist';

const img = (v: number) => new Array<number>(784).fill(v);

describe('the held-out split', () => {
  it('drops entries that are not 784 pixels before taking the last 1,000', () => {
    const entries: unknown[] = Array.from({ length: 7000 }, (_, i) => img(i % 256));
    entries.splice(1000, 0, []);
    entries.push([]);
    expect(cleanEntries(entries)).toHaveLength(7000);
    const { images, firstIndex } = heldOutOfClass(entries);
    expect(firstIndex).toBe(6000);
    expect(images).toHaveLength(1000);
    expect(images[0]?.[0]).toBe(6000 % 256);
  });

  it('refuses a file of the wrong size', () => {
    expect(() => heldOutOfClass([img(0)])).toThrow(/7000 images/);
  });
});
