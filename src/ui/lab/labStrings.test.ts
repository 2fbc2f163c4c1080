import { describe, expect, it } from 'vitest';
import table from '../../explain/__fixtures__/pytorch-add-outcomes.json';
import { blockOutcome } from '../../explain/lab/outcome';
import { LAB_STAGES, type LabConfig } from '../../explain/lab/types';
import { createI18n } from '../../i18n';

interface Row {
  input: number[];
  input_channels: number;
  num_channels: number;
  use_1x1conv: boolean;
  strides: number;
  mode: 'train' | 'eval';
}

describe('every outcome the lab can show has words, in both languages', () => {
  const configs: LabConfig[] = (table as { cases: Row[] }).cases.map((r) => ({
    args: {
      inputChannels: r.input_channels,
      numChannels: r.num_channels,
      use1x1conv: r.use_1x1conv,
      strides: r.strides,
    },
    input: r.input,
    mode: r.mode,
  }));
  configs.push({
    args: { inputChannels: 3, numChannels: 3, use1x1conv: false, strides: 1.5 },
    input: [4, 3, 6, 6],
    mode: 'train',
  });
  it.each(['en', 'zh'] as const)('%s', (lang) => {
    const i18n = createI18n(lang);
    const t = i18n.t;
    // a counted sentence is a plural pair: its raw text is the form its count takes in this language
    const rawOf = (key: string, count: unknown) =>
      typeof count === 'number' && i18n.getResource(lang, 'translation', key) === undefined
        ? String(i18n.getResource(lang, 'translation', `${key}_${new Intl.PluralRules(lang).select(count)}`) ?? key)
        : t(key);
    for (const stage of LAB_STAGES) expect(t(`residualBlock.outcome.stage.${stage}`)).not.toMatch(/^residualBlock/);
    for (const cfg of configs) {
      const o = blockOutcome(cfg);
      if (o.kind === 'ok') continue;
      const raw = rawOf(`residualBlock.outcome.cause.${o.cause}`, o.detail['count']);
      expect(raw, o.cause).not.toMatch(/^residualBlock/);
      // every placeholder of the sentence is filled from the outcome's detail
      const holes = (raw.match(/{{(\w+)}}/g) ?? []).map((h) => h.slice(2, -2));
      for (const h of holes) expect(Object.keys(o.detail), `${o.cause}: ${h}`).toContain(h);
    }
    for (const code of ['tooBigDim', 'tooManyElements', 'tooMuchWork', 'empty']) {
      expect(t(`residualBlock.outcome.limit.${code}`)).not.toMatch(/^residualBlock/);
    }
    for (const code of [
      'syntax',
      'notNumber',
      'notBool',
      'unknownKeyword',
      'twice',
      'missing',
      'tooMany',
      'positionalAfterKeyword',
      'noSizes',
    ]) {
      expect(t(`residualBlock.outcome.parse.${code}`)).not.toMatch(/^residualBlock/);
    }
  });
});
