/**
 * The race's Fashion-MNIST subset as the page ships it (`public/race/`, written by
 * `npm run race-data`): one binary file of bytes, [training images][training labels]
 * [validation images][validation labels], images 784 bytes each (28×28 gray), interleaved
 * by class (image 0 of classes 0…9, then image 1 of each, …) so any prefix is balanced.
 *
 * Which images (the split of training/data.py; the held-out images 6,000–6,999 of each
 * class are never shipped): training = images 0…TRAIN_PER_CLASS−1 of each class,
 * validation = images 5,500…5,500+VAL_PER_CLASS−1 of each class.
 */
import { IMAGE_PIXELS, NUM_CLASSES } from '../../model/fashionMnist';
export const RACE_DATA_FILE = 'race/fashion-mnist-subset.bin';
export const TRAIN_PER_CLASS = 400;
/** training/data.py's validation split starts at image 5,500 of each class. */
export const VAL_FIRST_INDEX = 5500;
export const VAL_PER_CLASS = 100;

export const TRAIN_COUNT = TRAIN_PER_CLASS * NUM_CLASSES;
export const VAL_COUNT = VAL_PER_CLASS * NUM_CLASSES;
export const RACE_DATA_BYTES = (TRAIN_COUNT + VAL_COUNT) * (IMAGE_PIXELS + 1);

/** Images as bytes (N × 784) and their labels (N). */
export interface LabelledImages {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

export interface RaceData {
  readonly train: LabelledImages;
  readonly val: LabelledImages;
}

/** The interleaved order: position p holds image ⌊p / 10⌋ of class p mod 10. */
export function interleave(perClass: readonly (readonly (readonly number[])[])[], count: number): LabelledImages {
  const images = new Uint8Array(count * NUM_CLASSES * IMAGE_PIXELS);
  const labels = new Uint8Array(count * NUM_CLASSES);
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < NUM_CLASSES; c++) {
      const p = i * NUM_CLASSES + c;
      const img = perClass[c]?.[i];
      if (!img || img.length !== IMAGE_PIXELS) throw new Error(`class ${c} has no image ${i} of 784 pixels`);
      images.set(img, p * IMAGE_PIXELS);
      labels[p] = c;
    }
  }
  return { images, labels };
}

/** The file's bytes from the two splits. */
export function encodeRaceData(d: RaceData): Uint8Array {
  const out = new Uint8Array(RACE_DATA_BYTES);
  let at = 0;
  for (const part of [d.train.images, d.train.labels, d.val.images, d.val.labels]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The two splits from the file's bytes; a file of the wrong size is refused with a readable message. */
export function decodeRaceData(bytes: Uint8Array): RaceData {
  if (bytes.length !== RACE_DATA_BYTES)
    throw new Error(`the race's data file has ${bytes.length} bytes, expected ${RACE_DATA_BYTES}`);
  let at = 0;
  const take = (n: number) => bytes.subarray(at, (at += n));
  const train = { images: take(TRAIN_COUNT * IMAGE_PIXELS), labels: take(TRAIN_COUNT) };
  const val = { images: take(VAL_COUNT * IMAGE_PIXELS), labels: take(VAL_COUNT) };
  return { train, val };
}
