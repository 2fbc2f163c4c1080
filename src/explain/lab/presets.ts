/**
 * The lab's one-click presets: the notebook's two blocks, then one configuration for each way
 * `Y += X` can go (channels differ, strides differ, X broadcasts into Y, Y cannot grow in
 * place). `key` names the button's label in src/i18n.
 */
import type { LabConfig } from './types';

export interface LabPreset {
  readonly key: string;
  readonly config: LabConfig;
}

export const LAB_PRESETS: readonly LabPreset[] = [
  {
    key: 'presetNotebook1',
    config: {
      args: { inputChannels: 3, numChannels: 3, use1x1conv: false, strides: 1 },
      input: [4, 3, 6, 6],
      mode: 'train',
    },
  },
  {
    key: 'presetNotebook2',
    config: {
      args: { inputChannels: 3, numChannels: 6, use1x1conv: true, strides: 2 },
      input: [4, 3, 6, 6],
      mode: 'train',
    },
  },
  {
    key: 'presetChannels',
    config: {
      args: { inputChannels: 3, numChannels: 6, use1x1conv: false, strides: 1 },
      input: [4, 3, 6, 6],
      mode: 'train',
    },
  },
  {
    key: 'presetStride',
    config: {
      args: { inputChannels: 3, numChannels: 3, use1x1conv: false, strides: 2 },
      input: [4, 3, 6, 6],
      mode: 'train',
    },
  },
  {
    key: 'presetBroadcast',
    config: {
      args: { inputChannels: 1, numChannels: 4, use1x1conv: false, strides: 1 },
      input: [2, 1, 5, 5],
      mode: 'train',
    },
  },
  {
    key: 'presetInplace',
    config: {
      args: { inputChannels: 4, numChannels: 1, use1x1conv: false, strides: 1 },
      input: [2, 4, 5, 5],
      mode: 'train',
    },
  },
];
