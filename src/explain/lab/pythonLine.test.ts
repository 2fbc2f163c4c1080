import { describe, expect, it } from 'vitest';
import { decodeLab, encodeLab, formatCall, formatInput, parseCall, parseInput, NOTEBOOK_CONFIG } from './pythonLine';
import { blockArithmetic, blockParamCount } from './arithmetic';
import { checkRunnable, checkTyped, MAX_ELEMENTS } from './limits';
import { blockOutcome } from './outcome';

describe('the Python lines', () => {
  it("parses the notebook's calls, positional and keyword", () => {
    expect(parseCall('blk = Residual(3, 6, use_1x1conv=True, strides=2)')).toEqual({
      ok: true,
      value: { inputChannels: 3, numChannels: 6, use1x1conv: true, strides: 2 },
    });
    expect(parseCall('Residual(3,3)')).toEqual({
      ok: true,
      value: { inputChannels: 3, numChannels: 3, use1x1conv: false, strides: 1 },
    });
    expect(parseCall('Residual(num_channels=4, input_channels=2, strides=1,)')).toMatchObject({
      ok: true,
      value: { inputChannels: 2, numChannels: 4 },
    });
    expect(parseCall('Residual(3, 6, True, 2)')).toMatchObject({ ok: true, value: { use1x1conv: true, strides: 2 } });
    expect(parseCall('Residual(3.5, -2)')).toMatchObject({ ok: true, value: { inputChannels: 3.5, numChannels: -2 } });
  });
  it('reports what is wrong, as Python would', () => {
    expect(parseCall('Residual(3, 6, stride=2)')).toEqual({
      ok: false,
      error: { code: 'unknownKeyword', name: 'stride' },
    });
    expect(parseCall('Residual(3)')).toEqual({ ok: false, error: { code: 'missing', name: 'num_channels' } });
    expect(parseCall('Residual(3, 3, input_channels=3)')).toEqual({
      ok: false,
      error: { code: 'twice', name: 'input_channels' },
    });
    expect(parseCall('Residual(3, 3, True, 1, 5)')).toEqual({ ok: false, error: { code: 'tooMany', count: 5 } });
    expect(parseCall('Residual(strides=2, 3, 3)')).toEqual({ ok: false, error: { code: 'positionalAfterKeyword' } });
    expect(parseCall('Residual(three, 3)')).toEqual({ ok: false, error: { code: 'notNumber', value: 'three' } });
    expect(parseCall('Residual(3, 3, use_1x1conv=true)')).toEqual({
      ok: false,
      error: { code: 'notBool', value: 'true' },
    });
    expect(parseCall('Resnet(3, 3)')).toMatchObject({ ok: false, error: { code: 'syntax' } });
  });
  it('parses and prints X', () => {
    expect(parseInput('X = torch.rand(4, 3, 6, 6)')).toEqual({ ok: true, value: [4, 3, 6, 6] });
    expect(parseInput('torch.rand((2, 1, 5, 5))')).toEqual({ ok: true, value: [2, 1, 5, 5] });
    expect(parseInput('X = torch.rand()')).toEqual({ ok: false, error: { code: 'noSizes' } });
    expect(formatInput([4, 3, 6, 6])).toBe('torch.rand(4, 3, 6, 6)');
    expect(formatCall({ inputChannels: 3, numChannels: 6, use1x1conv: true, strides: 2 })).toBe(
      'Residual(3, 6, use_1x1conv=True, strides=2)',
    );
  });
  it('round-trips the URL value', () => {
    const cfg = {
      args: { inputChannels: 3.5, numChannels: -2, use1x1conv: true, strides: 2 },
      input: [4, 3, 6, 6],
      mode: 'eval' as const,
    };
    expect(decodeLab(encodeLab(cfg))).toEqual(cfg);
    expect(encodeLab(NOTEBOOK_CONFIG)).toBe('3_3_0_1__4_3_6_6');
    expect(decodeLab('3_3_2_1__4_3_6_6')).toBeUndefined();
    expect(decodeLab('3_3_0__4')).toBeUndefined();
  });
});

describe('the arithmetic, numbers filled in', () => {
  it('for the second preset', () => {
    const rows = blockArithmetic({ inputChannels: 3, numChannels: 6, use1x1conv: true, strides: 2 }, 6, 6);
    expect(rows.map((r) => r.layer)).toEqual(['conv1', 'bn1', 'conv2', 'bn2', 'conv3']);
    expect(rows[0]?.size).toEqual(['⌊(6 + 2·1 − 3)/2⌋ + 1 = 3']);
    expect(rows[0]?.params).toBe('6·3·3·3 + 6 = 168');
    expect(rows[4]?.size).toEqual(['⌊(6 + 2·0 − 1)/2⌋ + 1 = 3']);
    expect(blockParamCount({ inputChannels: 3, numChannels: 6, use1x1conv: true, strides: 2 }, 6, 6)).toBe(
      168 + 12 + 330 + 12 + 24,
    );
  });
  it('shows height and width apart when they differ', () => {
    expect(
      blockArithmetic({ inputChannels: 3, numChannels: 3, use1x1conv: false, strides: 2 }, 7, 4)[0]?.size,
    ).toHaveLength(2);
  });
});

describe('limits', () => {
  it('refuses sizes beyond the browser before any tensor, with the numbers', () => {
    const args = { inputChannels: 3, numChannels: 64, use1x1conv: true, strides: 1 };
    const input = [64, 3, 224, 224];
    const o = blockOutcome({ args, input, mode: 'train' });
    expect(o.kind).toBe('ok');
    const p = checkRunnable(args, input, o.steps);
    expect(p).toMatchObject({ code: 'tooManyElements', max: MAX_ELEMENTS });
    expect(
      checkRunnable(NOTEBOOK_CONFIG.args, NOTEBOOK_CONFIG.input, blockOutcome(NOTEBOOK_CONFIG).steps),
    ).toBeUndefined();
    expect(checkTyped(args, [1e12, 3, 6, 6])).toMatchObject({ code: 'tooBigDim' });
  });
});
