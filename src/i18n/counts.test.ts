/**
 * The lesion study's and the loss landscape's counts are written in the page's language, through
 * i18next's Intl.NumberFormat (`{{images, number}}`): "1,000 held-out images", not "1000", in
 * English and in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { createI18n } from './index';
import { landscapeStrings } from './landscape';
import { lesionStrings } from './lesion';

function entries(o: object, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : entries(v as object, `${prefix}${k}.`),
  );
}

/** Placeholders that hold a count (images, passes, grid points, steps, blocks in the paper). */
const COUNTS = ['count', 'images', 'passes', 'done', 'total', 'steps', 'plainSteps', 'residualSteps', 'paperBlocks'];

describe('counts in the lesion study and the landscape', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`every count placeholder is formatted as a number (${lang})`, () => {
      const strings = [...entries(lesionStrings[lang]), ...entries(landscapeStrings[lang])];
      const bare = strings.flatMap(([k, v]) =>
        [...v.matchAll(/\{\{(\w+)\}\}/g)].filter((m) => COUNTS.includes(m[1]!)).map((m) => `${k}:${m[1]}`),
      );
      expect(bare).toEqual([]);
      // the landscape's grid points are counts too (the lesion's "points" are percentage points)
      expect(entries(landscapeStrings[lang]).filter(([, v]) => v.includes('{{points}}'))).toEqual([]);
    });
  }

  it('writes 1,000 and 1,323 with the digit grouping of the page’s language', () => {
    const en = createI18n('en');
    const zh = createI18n('zh');
    expect(en.t('lesion.run', { count: 1000 })).toBe('Remove each block in turn (1,000 held-out images)');
    expect(zh.t('lesion.run', { count: 1000 })).toBe('依次删除每个块（1,000 张留出图像）');
    expect(en.t('lesion.expected', { passes: 9000, images: 1000, backend: 'WASM' })).toMatch(
      /^9,000 forward passes: .* on 1,000 images/,
    );
    expect(en.t('lesion.sentence.intact', { count: 1000, intact: '93.2', blocks: 8 })).toContain(
      'of 1,000 held-out images',
    );
    expect(en.t('lesion.done', { images: 1000, size: 64, backend: 'WASM', seconds: 1234.56 })).toContain(
      'on 1,000 held-out images at 64×64 on WASM in 1,234.6 s',
    );
    expect(en.t('lesion.done', { images: 20, size: 64, backend: 'WASM', seconds: 4 })).toContain('in 4.0 s');
    expect(zh.t('raceLesion.caption', { images: 1000 })).toContain('1,000 张图像');
    expect(en.t('landscape.progress', { done: 1000, total: 1323, time: '1 min' })).toBe(
      '1,000 of 1,323 points, about 1 min left',
    );
    expect(zh.t('landscape.progress', { done: 1000, total: 1323, time: '1 分钟' })).toContain('1,000 / 1,323');
    expect(en.t('landscape.estimate', { points: 1681, count: 4, backend: 'WASM', time: '1 h' })).toContain(
      '1,681 grid points for each of 4 networks',
    );
    expect(en.t('landscape.reference', { steps: 1200, size: 21 })).toBe('PyTorch, 1,200 steps, 21 × 21 grid');
  });
});
