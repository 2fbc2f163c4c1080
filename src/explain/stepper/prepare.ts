/**
 * Drawings and photos prepared the way Fashion-MNIST was made: gray, light objects on a
 * dark background (so a light background is inverted), cropped to the object, padded to
 * a square, shrunk to 28×28 by area averaging. The model's own resize comes after
 * (`grayImageToInput`). Pure functions on gray arrays in [0, 1], row-major.
 */
import { IMAGE_SIDE } from '../../model/fashionMnist';

/** A gray image: values in [0, 1], row-major. */
export interface GrayImage {
  readonly data: Float32Array;
  readonly width: number;
  readonly height: number;
}

/** Mean of the outermost ring of pixels: what the background looks like. */
export function borderMean(img: GrayImage): number {
  const { data, width: w, height: h } = img;
  let sum = 0;
  let n = 0;
  for (let x = 0; x < w; x++) {
    sum += (data[x] as number) + (data[(h - 1) * w + x] as number);
    n += 2;
  }
  for (let y = 1; y < h - 1; y++) {
    sum += (data[y * w] as number) + (data[y * w + w - 1] as number);
    n += 2;
  }
  return n ? sum / n : 0;
}

/** Fashion-MNIST shows light objects on black: invert when the background is light. */
export function invertIfLightBackground(img: GrayImage): { image: GrayImage; inverted: boolean } {
  if (borderMean(img) <= 0.5) return { image: img, inverted: false };
  return { image: { ...img, data: img.data.map((v) => 1 - v) }, inverted: true };
}

/** The smallest box holding every pixel brighter than `threshold`; undefined for an empty image. */
export function objectBox(
  img: GrayImage,
  threshold = 0.1,
): { x: number; y: number; width: number; height: number } | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if ((img.data[y * img.width + x] as number) > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? undefined : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** Crop to a box and centre it on a black square whose side is the box's longer side. */
export function cropToSquare(img: GrayImage, box: { x: number; y: number; width: number; height: number }): GrayImage {
  const side = Math.max(box.width, box.height);
  const out = new Float32Array(side * side);
  const ox = Math.floor((side - box.width) / 2);
  const oy = Math.floor((side - box.height) / 2);
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      out[(oy + y) * side + ox + x] = img.data[(box.y + y) * img.width + box.x + x] as number;
    }
  }
  return { data: out, width: side, height: side };
}

/**
 * Resize by area averaging: each output pixel is the mean of the input area it covers,
 * fractional pixels weighted by their overlap (what PIL's BOX filter and OpenCV's
 * INTER_AREA do when shrinking).
 */
export function areaResize(img: GrayImage, width: number, height: number): GrayImage {
  const out = new Float32Array(width * height);
  const sx = img.width / width;
  const sy = img.height / height;
  for (let oy = 0; oy < height; oy++) {
    const y0 = oy * sy;
    const y1 = y0 + sy;
    for (let ox = 0; ox < width; ox++) {
      const x0 = ox * sx;
      const x1 = x0 + sx;
      let sum = 0;
      let area = 0;
      for (let y = Math.floor(y0); y < Math.min(img.height, Math.ceil(y1)); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.min(img.width, Math.ceil(x1)); x++) {
          const wx = Math.min(x + 1, x1) - Math.max(x, x0);
          sum += (img.data[y * img.width + x] as number) * wx * wy;
          area += wx * wy;
        }
      }
      out[oy * width + ox] = area ? sum / area : 0;
    }
  }
  return { data: out, width, height };
}

/** Why an image could not be prepared, for a person. */
export type PrepareResult =
  | { readonly ok: true; readonly image: GrayImage; readonly inverted: boolean }
  | { readonly ok: false; readonly message: string };

/** The whole pipeline: invert if light, crop to the object, pad to square, shrink to 28×28. */
export function prepareLikeFashionMnist(img: GrayImage): PrepareResult {
  if (img.width < 1 || img.height < 1 || img.data.length !== img.width * img.height) {
    return { ok: false, message: 'The picture has no pixels.' };
  }
  const { image, inverted } = invertIfLightBackground(img);
  const box = objectBox(image);
  if (!box) return { ok: false, message: 'The picture is empty: draw or pick something with an object in it.' };
  return { ok: true, image: areaResize(cropToSquare(image, box), IMAGE_SIDE, IMAGE_SIDE), inverted };
}
