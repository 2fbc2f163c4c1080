import { describe, expect, it } from 'vitest';
import { applyFix } from './applyFix';
import { blockOutcome } from './outcome';
import { LAB_PRESETS } from './presets';

const preset = (key: string) => {
  const p = LAB_PRESETS.find((x) => x.key === key);
  if (!p) throw new Error(`no preset ${key}`);
  return p.config;
};

describe('the lab presets', () => {
  it("are the notebook's two blocks, which run, and one configuration for each way Y += X fails or broadcasts", () => {
    expect(LAB_PRESETS.map((p) => p.key)).toEqual([
      'presetNotebook1',
      'presetNotebook2',
      'presetChannels',
      'presetStride',
      'presetBroadcast',
      'presetInplace',
    ]);
    expect(blockOutcome(preset('presetNotebook1'))).toMatchObject({ kind: 'ok', output: [4, 3, 6, 6] });
    expect(blockOutcome(preset('presetNotebook2'))).toMatchObject({ kind: 'ok', output: [4, 6, 3, 3] });
    expect(blockOutcome(preset('presetBroadcast')).kind).toBe('ok');
    for (const key of ['presetChannels', 'presetStride', 'presetInplace'])
      expect(blockOutcome(preset(key)).kind, key).toBe('error');
  });
});

describe('applyFix', () => {
  it("puts the fix's arguments over the block's and keeps what it does not change", () => {
    const cfg = preset('presetChannels');
    const next = applyFix(cfg, { args: { use1x1conv: true } });
    expect(next).toEqual({ ...cfg, args: { ...cfg.args, use1x1conv: true } });
    expect(applyFix(cfg, { input: [4, 6, 6, 6], mode: 'eval' })).toEqual({
      args: cfg.args,
      input: [4, 6, 6, 6],
      mode: 'eval',
    });
  });
  it("makes the failing presets run when it is PyTorch's own suggestion", () => {
    for (const key of ['presetChannels', 'presetStride']) {
      const cfg = preset(key);
      const outcome = blockOutcome(cfg);
      if (outcome.kind !== 'error' || !outcome.fix) throw new Error(`${key} offers no fix`);
      expect(blockOutcome(applyFix(cfg, outcome.fix)).kind, key).toBe('ok');
    }
  });
});
