import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, formatUrlState, parseUrlState } from './urlState';

describe('URL state', () => {
  it('reads typed values and keeps defaults for missing ones', () => {
    const { state, errors } = parseUrlState('?lang=zh&size=224&backend=wasm&step=b3.0.conv3&input=rand:7&projector=1');
    expect(errors).toEqual([]);
    expect(state).toEqual({
      ...DEFAULT_STATE,
      lang: 'zh',
      size: 224,
      backend: 'wasm',
      step: 'b3.0.conv3',
      input: 'rand:7',
      projector: '1',
    });
  });

  it('rejects bad values with a message and falls back to the default', () => {
    const { state, errors } = parseUrlState('?lang=fr&size=-3&backend=tpu');
    expect(state).toEqual(DEFAULT_STATE);
    expect(errors).toHaveLength(3);
    expect(errors[2]).toMatch(/size=-3 must be a whole number/);
  });

  it('chooses the network by arch=, ResNet-18 by default', () => {
    expect(parseUrlState('?arch=resnet34-preact').state.arch).toBe('resnet34-preact');
    expect(DEFAULT_STATE.arch).toBe('resnet18');
    const { state, errors } = parseUrlState('?arch=resnet20');
    expect(state.arch).toBe('resnet18');
    expect(errors[0]).toMatch(/arch=resnet20 is not one of resnet18, resnet34, resnet50/);
  });

  it('round-trips and leaves defaults out of links', () => {
    expect(formatUrlState(DEFAULT_STATE)).toBe('');
    const s = { ...DEFAULT_STATE, lang: 'zh' as const, size: 224 };
    expect(formatUrlState(s)).toBe('?lang=zh&size=224');
    expect(parseUrlState(formatUrlState(s)).state).toEqual(s);
  });
});
