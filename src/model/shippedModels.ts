/** Written by `npm run shipped-models` from public/models/<folder>/model.json: do not edit. */
import type { ArchId } from './variants';

/** One shipped network: where it lives and what export.py measured. */
export interface ShippedModel {
  readonly arch: ArchId;
  /** Its folder under `public/models/`. */
  readonly folder: string;
  /** The input size it was trained at (the page's default size for it). */
  readonly inputSize: number;
  /** Held-out accuracy of the shipped (dequantized) weights, in [0, 1]. */
  readonly testAccuracy: number;
  /** How many held-out images that accuracy was measured on. */
  readonly testImages: number;
  /** Bytes of its weight files (what choosing it downloads). */
  readonly weightBytes: number;
  /** How many epochs it was trained for, when its checkpoint recorded it. */
  readonly epochs?: number;
}

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
  {
    arch: 'resnet34',
    folder: 'resnet34-fmnist',
    inputSize: 32,
    testAccuracy: 0.9229,
    testImages: 10000,
    weightBytes: 21447208,
    epochs: 8,
  },
  {
    arch: 'resnet50',
    folder: 'resnet50-fmnist',
    inputSize: 32,
    testAccuracy: 0.9202,
    testImages: 10000,
    weightBytes: 24009768,
    epochs: 8,
  },
  {
    arch: 'resnet18-preact',
    folder: 'resnet18-preact-fmnist',
    inputSize: 32,
    testAccuracy: 0.9255,
    testImages: 10000,
    weightBytes: 11273256,
    epochs: 8,
  },
];
