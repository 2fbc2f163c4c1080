import { describe, expect, it } from 'vitest';
import { residualBlocks } from '../../model/lesion';
import { RESNET18 } from '../../model/variants';
import { createI18n } from '../../i18n';
import { describeLesion, lesionBars } from './describe';
import { lesionImageCount } from './data';

const blocks = residualBlocks(RESNET18);
// the shape of this machine's run (training/lesion_table.py, 1,000 images)
const table = [null, 'b2.0', 'b2.1', 'b3.0', 'b3.1', 'b4.0', 'b4.1', 'b5.0', 'b5.1'].map((removed, i) => ({
  removed,
  correct: [932, 714, 893, 594, 861, 388, 906, 864, 936][i] as number,
}));

describe('describeLesion', () => {
  const bars = lesionBars(table, 1000, blocks);
  const sentences = describeLesion(bars, 1000);
  const byKey = Object.fromEntries(sentences.map((s) => [s.key, s.values]));

  it('marks the blocks that downsample', () => {
    expect(bars.filter((b) => b.downsamples).map((b) => b.removed)).toEqual(['b3.0', 'b4.0', 'b5.0']);
  });

  it('says which removals hardly matter and which hurt, from the numbers', () => {
    expect(byKey.intact).toMatchObject({ intact: '93.2', count: 1000, blocks: 8 });
    expect(byKey.hardly?.blocks).toBe('b4.1 (90.6 %), b5.1 (93.6 %)');
    expect(byKey.some?.blocks).toBe('b2.1 (89.3 %), b3.1 (86.1 %), b5.0 (86.4 %)');
    expect(byKey.hurt?.blocks).toBe('b4.0 (38.8 %), b3.0 (59.4 %), b2.0 (71.4 %)');
    expect(byKey.worst).toMatchObject({ block: 'b4.0', accuracy: '38.8', drop: '54.4' });
    expect(byKey.downsamplingWorse).toMatchObject({ dDown: '31.7', dSame: '7.0' });
    expect(sentences.at(-1)?.key).toBe('paper');
  });

  it('says when this run does not show the downsampling blocks mattering more', () => {
    const down = ['b3.0', 'b4.0', 'b5.0'];
    const flipped = table.map((r) =>
      r.removed === 'b2.0' ? { ...r, correct: 100 } : down.includes(r.removed ?? '') ? { ...r, correct: 920 } : r,
    );
    const keys = describeLesion(lesionBars(flipped, 1000, blocks), 1000).map((s) => s.key);
    expect(keys).toContain('downsamplingNotWorse');
    expect(keys).toContain('worstChance');
  });

  it('reads in English and Chinese, with the count', () => {
    for (const lang of ['en', 'zh'] as const) {
      const t = createI18n(lang).t;
      for (const s of sentences) {
        const text = t(`lesion.sentence.${s.key}`, s.values);
        expect(text).not.toMatch(/{{|lesion\./);
      }
    }
    // the count in the page's language: 1,000, not 1000
    expect(createI18n('en').t('lesion.sentence.intact', byKey.intact)).toContain('93.2 % of 1,000 held-out images');
    expect(createI18n('zh').t('lesion.sentence.intact', byKey.intact)).toContain('在 1,000 张留出图像上');
  });
});

describe('lesionImageCount', () => {
  it('uses all 1,000 images without the link, else whole rounds of the ten classes', () => {
    expect(lesionImageCount(undefined)).toBe(1000);
    expect(lesionImageCount(100)).toBe(100);
    expect(lesionImageCount(105)).toBe(100);
    expect(lesionImageCount(3)).toBe(10);
    expect(lesionImageCount(5000)).toBe(1000);
  });
});
