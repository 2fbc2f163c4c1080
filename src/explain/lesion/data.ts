/**
 * The lesion study's images as the page ships them (`public/lesion/`, written by
 * `npm run lesion-data`): 1,000 held-out Fashion-MNIST images, 100 of each class, never
 * trained on (per-class indices 6,000–6,099 of training/data.py's split). One binary file:
 * [images, 784 bytes each (28×28 gray)][labels, one byte each], interleaved by class
 * (image 0 of classes 0…9, then image 1 of each, …) so any prefix of 10·k images is balanced.
 */
import { IMAGE_PIXELS, NUM_CLASSES } from '../../model/fashionMnist';
export const LESION_DATA_FILE = 'lesion/fashion-mnist-heldout-1000.bin';
export const LESION_PER_CLASS = 100;
export const LESION_IMAGES = LESION_PER_CLASS * NUM_CLASSES;
export const LESION_DATA_BYTES = LESION_IMAGES * (IMAGE_PIXELS + 1);
/** The held-out split's first index in each class (training/README.md). */
export const HELD_OUT_FIRST_INDEX = 6000;

/** Images as bytes (N × 784) and their labels (N). */
export interface LesionImages {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/** The file's bytes from images and labels. */
export function encodeLesionData(d: LesionImages): Uint8Array {
  if (d.images.length !== LESION_IMAGES * IMAGE_PIXELS || d.labels.length !== LESION_IMAGES)
    throw new Error(`the lesion study ships ${LESION_IMAGES} images of ${IMAGE_PIXELS} pixels`);
  const out = new Uint8Array(LESION_DATA_BYTES);
  out.set(d.images, 0);
  out.set(d.labels, d.images.length);
  return out;
}

/** The first `count` images of the file (a balanced prefix); a file of the wrong size is refused. */
export function decodeLesionData(bytes: Uint8Array, count = LESION_IMAGES): LesionImages {
  if (bytes.length !== LESION_DATA_BYTES)
    throw new Error(`the lesion study's data file has ${bytes.length} bytes, expected ${LESION_DATA_BYTES}`);
  const n = Math.max(1, Math.min(LESION_IMAGES, Math.floor(count)));
  const labelsAt = LESION_IMAGES * IMAGE_PIXELS;
  return { images: bytes.slice(0, n * IMAGE_PIXELS), labels: bytes.slice(labelsAt, labelsAt + n) };
}

/**
 * How many images a run uses: the link's `lesionn` rounded down to whole rounds of the ten
 * classes (so the subset stays balanced), between 10 and 1,000; all 1,000 without it.
 */
export function lesionImageCount(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return LESION_IMAGES;
  const rounds = Math.floor(requested / NUM_CLASSES);
  return Math.max(1, Math.min(LESION_PER_CLASS, rounds)) * NUM_CLASSES;
}
