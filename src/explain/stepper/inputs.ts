/**
 * The stepper's inputs as text a link can hold: `sample:<id>` (a held-out Fashion-MNIST
 * image), `rand:<seed>` (the notebook's torch.rand), `draw:<28×28 in 4 bits, base64url>`.
 * An uploaded photo lives only in the page, never in the link.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { grayImageToInput, randomInput } from '../../model';
import type { GrayImage } from './prepare';
import type { Sample } from '../samples';
import { IMAGE_SIDE } from '../../model/fashionMnist';

export type InputSpec =
  | { readonly kind: 'sample'; readonly id: string }
  | { readonly kind: 'rand'; readonly seed: number }
  | { readonly kind: 'draw'; readonly image: GrayImage }
  | { readonly kind: 'upload'; readonly image: GrayImage };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A 28×28 gray image in 392 bytes (4 bits a pixel) as URL-safe base64 (523 characters). */
export function encodeDrawing(img: GrayImage): string {
  const bytes = new Uint8Array(Math.ceil(img.data.length / 2));
  img.data.forEach((v, i) => {
    const q = Math.max(0, Math.min(15, Math.round(v * 15)));
    bytes[i >> 1] = (bytes[i >> 1] as number) | (i % 2 ? q : q << 4);
  });
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The inverse of `encodeDrawing`; undefined when the text is not a 28×28 drawing. */
export function decodeDrawing(text: string): GrayImage | undefined {
  const n = IMAGE_SIDE * IMAGE_SIDE;
  const bytes = new Uint8Array(n / 2);
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const ch of text) {
    const v = B64.indexOf(ch);
    if (v < 0) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (j < bytes.length) bytes[j++] = (acc >> bits) & 255;
    }
  }
  if (j !== bytes.length) return undefined;
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = (i % 2 ? (bytes[i >> 1] as number) & 15 : (bytes[i >> 1] as number) >> 4) / 15;
  return { data, width: IMAGE_SIDE, height: IMAGE_SIDE };
}

/** Read the URL's `input`; undefined for the default, an error message for nonsense. */
export function parseInputSpec(raw: string): InputSpec | undefined | { error: string } {
  if (!raw) return undefined;
  const [kind, value = ''] = raw.split(/:(.*)/s) as [string, string?];
  if (kind === 'sample' && /^c\d-\d+$/.test(value)) return { kind: 'sample', id: value };
  if (kind === 'rand' && /^\d{1,9}$/.test(value)) return { kind: 'rand', seed: Number(value) };
  if (kind === 'draw') {
    const image = decodeDrawing(value);
    if (image) return { kind: 'draw', image };
  }
  return { error: `input=${raw.slice(0, 30)} is not a sample, a random seed or a drawing` };
}

/** The URL text of an input ('' for an upload, which is never put in a link). */
export function formatInputSpec(spec: InputSpec): string {
  switch (spec.kind) {
    case 'sample':
      return `sample:${spec.id}`;
    case 'rand':
      return `rand:${spec.seed}`;
    case 'draw':
      return `draw:${encodeDrawing(spec.image)}`;
    case 'upload':
      return '';
  }
}

/**
 * What the model worker needs to build an input: plain data, so it can cross to the
 * worker (a tensor cannot). `rand`: the notebook's torch.rand; `gray`: a 28×28-or-larger picture.
 */
export type InputSource =
  { readonly kind: 'rand'; readonly seed: number } | { readonly kind: 'gray'; readonly image: GrayImage };

/** The source of a spec's input; an error message for an unknown sample. */
export function inputSource(spec: InputSpec, samples: readonly Sample[]): InputSource | { error: string } {
  switch (spec.kind) {
    case 'rand':
      return { kind: 'rand', seed: spec.seed };
    case 'sample': {
      const s = samples.find((x) => x.id === spec.id);
      if (!s) return { error: `There is no sample "${spec.id}"` };
      return { kind: 'gray', image: { data: s.pixels, width: IMAGE_SIDE, height: IMAGE_SIDE } };
    }
    case 'draw':
    case 'upload':
      return { kind: 'gray', image: spec.image };
  }
}

/**
 * The network's input at `size`×`size`, resized from the picture exactly as in training.
 * The caller owns the tensor.
 */
export function inputTensor(source: InputSource, size: number): tf.Tensor4D {
  return source.kind === 'rand'
    ? randomInput([1, 1, size, size], source.seed)
    : grayImageToInput(source.image.data, source.image.height, source.image.width, size);
}
