import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTPUT, readShippedModels, shippedModelsSource } from './shippedModels';

describe('the list of shipped networks', () => {
  it('is what `npm run shipped-models` writes from public/models now (rerun it after an export)', async () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(await shippedModelsSource(readShippedModels()));
  });

  it('lists ResNet-18 with the accuracy its metadata records', () => {
    expect(readShippedModels().find((m) => m.arch === 'resnet18')).toMatchObject({
      folder: 'resnet18-fmnist',
      inputSize: 64,
      testAccuracy: 0.9315,
      weightBytes: 11272232,
    });
  });
});
