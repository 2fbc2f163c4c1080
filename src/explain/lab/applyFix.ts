/** The configuration after a fix: the fix's arguments over the block's, its input and mode where it has them. */
import type { Fix, LabConfig } from './types';

export function applyFix(config: LabConfig, fix: Fix): LabConfig {
  return { args: { ...config.args, ...fix.args }, input: fix.input ?? config.input, mode: fix.mode ?? config.mode };
}
