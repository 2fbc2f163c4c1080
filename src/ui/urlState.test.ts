import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { DEFAULT_STATE, formatUrlState, parseUrlState, URL_PARAMS, urlProblem } from './urlState';

/** One bad value of every parameter. */
const BAD_VALUES: Record<string, string> = {
  lang: 'fr',
  backend: 'tpu',
  size: '-3',
  input: 'photo:me',
  step: 'B3!',
  view: 'rainbow',
  blk: '<script>',
  hide: 'code,menu',
  bstep: 'conv9',
  projector: 'yes',
  fstep: '2.5',
  lesson: '99',
  fstar: '500,2',
  arch: 'resnet20',
  rbudget: 'huge',
  rdepths: '7,9',
  rwidth: '64',
  rsteps: '0',
  fsteps: '0',
  lesionn: '5',
  removed: 'b9',
  lgrid: '8',
};

describe('URL state', () => {
  it('reads each parameter once, into its real type', () => {
    const { state, errors } = parseUrlState(
      '?lang=zh&size=224&backend=wasm&step=b3.0.conv3&input=rand:7&projector=1&view=layer&hide=side,code&blk=3_6_1_2__4_3_6_6&bstep=add&fstep=4',
    );
    expect(errors).toEqual([]);
    expect(state).toEqual({
      ...DEFAULT_STATE,
      lang: 'zh',
      size: 224,
      backend: 'wasm',
      step: 'b3.0.conv3',
      input: { kind: 'rand', seed: 7 },
      projector: true,
      view: 'layer',
      hide: ['code', 'side'],
      blk: {
        args: { inputChannels: 3, numChannels: 6, use1x1conv: true, strides: 2 },
        input: [4, 3, 6, 6],
        mode: 'train',
      },
      bstep: 'add',
      fstep: 4,
    });
    expect(parseUrlState('?fstar=30.5,20').state.fstar).toEqual({ x: 30.5, y: 20 });
    expect(parseUrlState('?input=sample:c3-6004').state.input).toEqual({ kind: 'sample', id: 'c3-6004' });
    // the race's depths arrive as numbers: no component splits the text again
    expect(parseUrlState('?rdepths=8,32').state.rdepths).toEqual([8, 32]);
  });

  it('has a bad-value case for every row of the table', () => {
    expect(Object.keys(BAD_VALUES).sort()).toEqual(URL_PARAMS.map((p) => p.key).sort());
  });

  it.each(Object.entries(BAD_VALUES))('reports a bad %s once and keeps its default', (key, raw) => {
    const { state, errors } = parseUrlState(`?${key}=${encodeURIComponent(raw)}`);
    expect(state).toEqual(DEFAULT_STATE);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ param: key, value: raw });
  });

  it('says what a good value is, in both languages, with every placeholder filled', () => {
    for (const lang of ['en', 'zh'] as const) {
      const t = createI18n(lang).t;
      for (const row of URL_PARAMS) {
        const p = urlProblem(row.key, 'x');
        const text = t(`url.expected.${p.expected.key}`, p.expected.values ?? {});
        expect(text, `${lang} ${row.key}`).not.toMatch(/{{|url\.expected/);
      }
    }
    const size = urlProblem('size', '9999');
    expect(createI18n('zh').t(`url.expected.${size.expected.key}`, size.expected.values)).toBe('32 到 512 之间的整数');
  });

  it('chooses the network by arch=, ResNet-18 by default', () => {
    expect(parseUrlState('?arch=resnet34-preact').state.arch).toBe('resnet34-preact');
    expect(DEFAULT_STATE.arch).toBe('resnet18');
    const { state, errors } = parseUrlState('?arch=resnet20');
    expect(state.arch).toBe('resnet18');
    expect(errors[0]).toMatchObject({ param: 'arch', value: 'resnet20' });
  });

  it('round-trips and leaves defaults out of links', () => {
    expect(formatUrlState(DEFAULT_STATE)).toBe('');
    const s = { ...DEFAULT_STATE, lang: 'zh' as const, size: 224, hide: ['side'] as const, projector: true };
    expect(formatUrlState(s)).toBe('?lang=zh&size=224&hide=side&projector=1');
    expect(parseUrlState(formatUrlState(s)).state).toEqual(s);
    expect(formatUrlState({ ...DEFAULT_STATE, view: 'channel', hide: [] })).toBe('');
    expect(formatUrlState({ ...DEFAULT_STATE, rdepths: [8, 20] })).toBe('?rdepths=8%2C20');
    expect(formatUrlState({ ...DEFAULT_STATE, rdepths: [] })).toBe('');
  });
});
