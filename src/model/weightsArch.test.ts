import { describe, expect, it } from 'vitest';
import { stateDictShapes } from './architecture';
import { archSpec } from './variants';
import { fitWeights } from './weightsArch';

const shapesOf = (id: Parameters<typeof archSpec>[0]) => Object.fromEntries(stateDictShapes(archSpec(id)));

describe('which variant a set of weights is for', () => {
  it('takes the metadata arch when there is one, else the variant whose keys it has', () => {
    expect(fitWeights(shapesOf('resnet101'))).toMatchObject({ arch: { id: 'resnet101' }, problems: [] });
    expect(fitWeights(shapesOf('resnet34-preact'))).toMatchObject({ arch: { id: 'resnet34-preact' }, problems: [] });
    expect(fitWeights(shapesOf('resnet18'), 'resnet18')).toMatchObject({ arch: { id: 'resnet18' }, problems: [] });
  });

  it('names each problem: missing keys, wrong shapes, unexpected keys, an unknown arch', () => {
    const shapes = shapesOf('resnet50');
    delete shapes['4.2.bn3.running_var'];
    shapes['7.weight'] = [10, 512];
    shapes['8.weight'] = [1];
    const { arch, problems } = fitWeights(shapes);
    expect(arch.id).toBe('resnet50');
    expect(problems).toEqual([
      'missing "4.2.bn3.running_var"',
      '"7.weight" has shape [10, 512], expected [10, 2048]',
      'unexpected "8.weight"',
    ]);
    expect(fitWeights(shapesOf('resnet18'), 'resnet34').problems[0]).toBe('missing "1.2.conv1.weight"');
    expect(fitWeights(shapesOf('resnet18'), 'vgg16').problems[0]).toMatch(/names the architecture "vgg16"/);
  });
});
