/**
 * The held-out Fashion-MNIST images the page ships (`public/samples/…json`, written by
 * `npm run samples`): ten a class, never seen in training, each with its true label.
 */
import { IMAGE_SIDE } from '../model/fashionMnist';

/** One held-out image: gray values in [0, 1], 28×28 row-major. */
export interface Sample {
  /** `c3-6004`: class 3, image 6004 of that class's file. */
  readonly id: string;
  readonly label: number;
  readonly pixels: Float32Array;
}

/** The file's format: pixels as base64 of 784 bytes. */
export interface SampleFile {
  /** The dataset's label names (the trained model's metadata has its own, which win). */
  readonly classNames: readonly string[];
  readonly source: string;
  readonly heldOutRule: string;
  readonly samples: readonly { readonly id: string; readonly label: number; readonly pixels: string }[];
}

function base64Bytes(text: string): Uint8Array {
  const bin = atob(text);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** Decode the shipped file; throws a readable error for a broken one. */
export function decodeSamples(file: SampleFile): Sample[] {
  return file.samples.map((s) => {
    const bytes = base64Bytes(s.pixels);
    if (bytes.length !== IMAGE_SIDE * IMAGE_SIDE) {
      throw new Error(`Sample ${s.id} has ${bytes.length} pixels, expected ${IMAGE_SIDE * IMAGE_SIDE}`);
    }
    return { id: s.id, label: s.label, pixels: Float32Array.from(bytes, (b) => b / 255) };
  });
}

/** Base64 of bytes (the writer's side of `decodeSamples`). */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export const SAMPLES_PATH = 'samples/fashion-mnist-heldout.json';
