import { describe, expect, it } from 'vitest';
import { blockOutputName, blockPath, plainBlockLayers, RESIDUAL_PATH, RESIDUAL_STEPS } from './blocks';

describe('the block described once', () => {
  it("names the notebook's block's steps and data path from its layers", () => {
    expect(RESIDUAL_STEPS).toEqual(['conv1', 'bn1', 'relu', 'conv2', 'bn2', 'conv3', 'add', 'relu2']);
    expect(RESIDUAL_PATH).toEqual({
      main: ['conv1', 'bn1', 'relu', 'conv2', 'bn2'],
      lastConv: 'conv2',
      shortcut: 'conv3',
      add: 'add',
      out: 'relu2',
    });
  });

  it('gives each kind its own path: the drawing follows the description, not a list of its own', () => {
    const args = { inputChannels: 4, numChannels: 4, use1x1conv: false, strides: 1 };
    expect(blockPath({ ...args, kind: 'bottleneck' })).toMatchObject({
      lastConv: 'conv3',
      shortcut: 'conv4',
      out: 'relu2',
    });
    expect(blockPath({ ...args, kind: 'preact' })).toMatchObject({
      main: ['bn1', 'relu', 'conv1', 'bn2', 'relu_mid', 'conv2'],
      out: 'add',
    });
    expect(blockOutputName({ ...args, kind: 'preact' })).toBe('add');
    expect(blockOutputName(args)).toBe('relu2');
  });

  it('makes the plain block (the race, ResNet2.png left) by leaving out Y += X and conv3 only', () => {
    const layers = plainBlockLayers({ inputChannels: 4, numChannels: 8, use1x1conv: true, strides: 2 });
    expect(layers.map((l) => l.name)).toEqual(['conv1', 'bn1', 'relu', 'conv2', 'bn2', 'relu2']);
    expect(layers.at(-1)!.inputs).toEqual(['bn2']);
  });
});
