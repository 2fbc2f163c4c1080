/** Written by `npm run shipped-models` from public/models/<folder>/model.json: do not edit. */
import type { ShippedModel } from './shipped';

export const SHIPPED_MODELS: readonly ShippedModel[] = [
  {
    arch: 'resnet18',
    folder: 'resnet18-fmnist',
    inputSize: 64,
    testAccuracy: 0.9315,
    testImages: 10000,
    weightBytes: 11272232,
    epochs: 6,
  },
];
