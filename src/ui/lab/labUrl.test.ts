import { describe, expect, it } from 'vitest';
import { decodeLab, encodeLab, NOTEBOOK_CONFIG } from '../../explain/lab/pythonLine';
import type { LabConfig } from '../../explain/lab/types';
import { formatUrlState, parseUrlState } from '../urlState';

const configs: LabConfig[] = [
  { args: { inputChannels: 3, numChannels: 6, use1x1conv: true, strides: 2 }, input: [4, 3, 6, 6], mode: 'train' },
  { args: { inputChannels: 3.5, numChannels: -2, use1x1conv: false, strides: 0 }, input: [4, -3, 6.5], mode: 'eval' },
  { args: { inputChannels: 1, numChannels: 4, use1x1conv: false, strides: 1 }, input: [2, 1, 5, 5], mode: 'train' },
  {
    args: { inputChannels: 1e-7, numChannels: 3, use1x1conv: false, strides: 1 },
    input: [1, 4, 3, 6, 6],
    mode: 'train',
  },
];

describe('the lab in the URL table', () => {
  it.each(configs.map((c) => [encodeLab(c), c] as const))('blk=%s survives the link', (_s, cfg) => {
    const search = formatUrlState({ ...parseUrlState('').state, blk: cfg });
    expect(search).toBe(`?blk=${encodeLab(cfg)}`);
    const parsed = parseUrlState(search);
    expect(parsed.errors).toEqual([]);
    expect(parsed.state.blk).toEqual(cfg);
  });
  it("leaves the notebook's example out of the link, and reports garbage", () => {
    expect(formatUrlState(parseUrlState('').state)).toBe('');
    expect(encodeLab(NOTEBOOK_CONFIG)).toBe('3_3_0_1__4_3_6_6');
    expect(formatUrlState({ ...parseUrlState('').state, blk: decodeLab('3_3_0_1__4_3_6_6') ?? NOTEBOOK_CONFIG })).toBe(
      '',
    );
    const bad = parseUrlState('?blk=%3Cscript%3E');
    expect(bad.errors).toEqual([{ param: 'blk', value: '<script>', expected: { key: 'blk' } }]);
    expect(bad.state.blk).toBe(NOTEBOOK_CONFIG);
  });
});
