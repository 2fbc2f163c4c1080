import { describe, expect, it } from 'vitest';
import type { PlainTensor } from '../model/types';
import { ReadCache } from './readCache';

const tensorOf = (n: number): PlainTensor => ({ shape: [n], data: new Float32Array(n) });

describe('ReadCache', () => {
  it('asks for each node once and serves repeats from a bounded cache', async () => {
    const asked: string[] = [];
    const sizes: Record<string, number> = { a: 100, b: 100, c: 100 };
    const cache = new ReadCache(
      (p) => {
        asked.push(p);
        return Promise.resolve(tensorOf(sizes[p] as number));
      },
      (p) => (sizes[p] as number) * 4,
      800,
    );
    const a = await cache.read('a');
    expect(await cache.read('a')).toBe(a);
    await cache.read('b');
    await cache.read('a'); // a is now the most recently used
    await cache.read('c'); // 1200 bytes > 800: b, the least recently used, goes
    expect(cache.cachedPaths).toEqual(['a', 'c']);
    await cache.read('b');
    expect(asked).toEqual(['a', 'b', 'c', 'b']);
  });

  it('forgets a failed read, so the next one asks again', async () => {
    let fail = true;
    const cache = new ReadCache(
      () => (fail ? Promise.reject(new Error('lost')) : Promise.resolve(tensorOf(1))),
      () => 4,
    );
    await expect(cache.read('a')).rejects.toThrow('lost');
    fail = false;
    expect((await cache.read('a')).shape).toEqual([1]);
  });
});
