import { describe, expect, it } from 'vitest';
import { createI18n, STRING_MODULES } from './index';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`),
  );
}

describe('translations', () => {
  it.each(STRING_MODULES.map((m, i) => [i, m.en, m.zh] as const))(
    'module %i has every English string in Chinese, with the same placeholders',
    (_i, en, zh) => {
      expect(keys(zh).sort()).toEqual(keys(en).sort());
      const get = (o: object, k: string) =>
        k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o) as string;
      for (const k of keys(en)) {
        const ph = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();
        expect(ph(get(zh, k)), k).toEqual(ph(get(en, k)));
      }
    },
  );

  it('gives every module its own top-level keys', () => {
    const tops = STRING_MODULES.flatMap((m) => Object.keys(m.en));
    expect(new Set(tops).size).toBe(tops.length);
  });

  it('switches language', () => {
    expect(createI18n('zh').t('chapters.residualBlock')).toBe('2 · 残差块');
    expect(createI18n('en').t('chapters.residualBlock')).toBe('2 · The residual block');
  });
});

describe('counted words', () => {
  it('say "1 step" and "2 steps" in the race, and count in Chinese without a plural', () => {
    const values = { depth: 8, plain: '1.00', residual: '0.90' };
    const en = createI18n('en');
    expect(en.t('race.findings.oneDepth', { ...values, count: 1 })).toMatch(/^After 1 step at 8 layers/);
    expect(en.t('race.findings.oneDepth', { ...values, count: 2 })).toMatch(/^After 2 steps at 8 layers/);
    expect(en.t('race.status.done', { count: 1, backend: 'CPU', time: '3 s' })).toBe('Finished 1 step on CPU in 3 s.');
    expect(createI18n('zh').t('race.findings.oneDepth', { ...values, count: 1 })).toMatch(/^1 步之后，8 层/);
  });
});
