/** Inputs for the network, in the notebook's (N, C, H, W) order. */
import * as tf from '@tensorflow/tfjs-core';
import { uniformArray } from './random';
import type { Shape } from './types';

/** The notebook's `torch.rand(size=shape)`: uniform in [0, 1), reproducible from `seed`. */
export function randomInput(shape: Shape, seed: number): tf.Tensor4D {
  if (shape.length !== 4) throw new Error(`An input needs 4 sizes (N, C, H, W), got ${shape.length}`);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor4d(uniformArray(size, seed), shape as [number, number, number, number]);
}

/**
 * A gray image with values in [0, 1] (row-major, height × width) as a (1, 1, size, size)
 * input, resized when it differs bilinearly with half-pixel centres, exactly as PyTorch's
 * `F.interpolate(x, size, mode='bilinear', align_corners=False)`.
 */
export function grayImageToInput(
  gray: Float32Array,
  height: number,
  width: number,
  size: number,
  /** Output width when it differs from the height (`size`). */
  outWidth: number = size,
): tf.Tensor4D {
  if (gray.length !== height * width) {
    throw new Error(`The image has ${gray.length} pixels, expected ${height}×${width}`);
  }
  return tf.tidy(() => {
    const img = tf.tensor4d(gray, [1, height, width, 1]);
    const same = height === size && width === outWidth;
    const resized = same ? img : tf.image.resizeBilinear(img, [size, outWidth], false, true);
    return tf.transpose(resized, [0, 3, 1, 2]) as tf.Tensor4D;
  });
}

/** RGB(A) bytes → gray in [0, 1] with PIL's "L" weights (ITU-R 601-2), as d2l's loaders see a photo. */
export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, channels: 3 | 4): Float32Array {
  const n = rgba.length / channels;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rgba[i * channels] as number;
    const g = rgba[i * channels + 1] as number;
    const b = rgba[i * channels + 2] as number;
    out[i] = (r * 299 + g * 587 + b * 114) / 1000 / 255;
  }
  return out;
}
