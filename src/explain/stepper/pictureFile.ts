/**
 * What a file a student uploads is, read from its first bytes (never from its name or
 * type, which can lie): a picture format the browser decodes, or a reason to refuse it
 * with a message that says what to do. Also its pixel size from the header, so a
 * 50-megapixel photo can be decoded straight to a small size, and how many frames a GIF
 * has. Pure functions on bytes; decoding itself is the page's job.
 */
import { areaResize, prepareLikeFashionMnist, type GrayImage } from './prepare';
import { IMAGE_SIDE } from '../../model/fashionMnist';

export type PictureFormat = 'PNG' | 'JPEG' | 'GIF' | 'WebP' | 'BMP' | 'AVIF';

/** Why a file is refused; each has a message in `picture.rejected.*`. */
export type PictureRejection = 'empty' | 'svg' | 'heic' | 'notImage' | 'corrupt' | 'blank' | 'unreadable';

/** Something the student should know about an accepted picture; messages in `picture.note.*`. */
export type PictureNote =
  | { readonly kind: 'tiny'; readonly width: number; readonly height: number }
  | { readonly kind: 'animated'; readonly frames: number }
  | {
      readonly kind: 'reduced';
      readonly width: number;
      readonly height: number;
      readonly decodedWidth: number;
      readonly decodedHeight: number;
    };

/** The longest side a picture is decoded at: far more than the 28×28 the network's input is made from. */
export const DECODE_SIDE = 512;

/** Below this many pixels on the longer side a picture is enlarged as it is, not cropped to an object. */
export const TINY_SIDE = 8;

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

/** The format from the file's first bytes, or why it is not a picture. */
export function sniffPicture(b: Uint8Array): PictureFormat | 'empty' | 'svg' | 'heic' | 'notImage' {
  if (b.length === 0) return 'empty';
  if (b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') return 'PNG';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'JPEG';
  if (ascii(b, 0, 4) === 'GIF8') return 'GIF';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'WebP';
  if (ascii(b, 0, 2) === 'BM' && b.length > 26) return 'BMP';
  if (ascii(b, 4, 4) === 'ftyp' && /^avi[fs]$/.test(ascii(b, 8, 4))) return 'AVIF';
  // a phone's HEIC photo: a picture, but one that Chromium does not decode
  if (ascii(b, 4, 4) === 'ftyp' && /^(hei[cxms]|hev[cx]|mif1|msf1)$/.test(ascii(b, 8, 4))) return 'heic';
  // SVG is text: an optional byte-order mark, XML prolog, comments or doctype, then <svg
  const text = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096)).toLowerCase();
  if (/^\ufeff?\s*(<\?xml[\s\S]*?\?>\s*)?(<!--[\s\S]*?-->\s*|<!doctype[^>]*>\s*)*<svg[\s>]/.test(text)) return 'svg';
  return 'notImage';
}

/** Width and height from the header, where the format puts them early; undefined when not found. */
export function headerSize(b: Uint8Array, format: PictureFormat): { width: number; height: number } | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (format === 'PNG' && b.length >= 24 && ascii(b, 12, 4) === 'IHDR') {
    return { width: v.getUint32(16), height: v.getUint32(20) };
  }
  if (format === 'GIF' && b.length >= 10) return { width: v.getUint16(6, true), height: v.getUint16(8, true) };
  if (format === 'WebP' && b.length >= 30) {
    const chunk = ascii(b, 12, 4);
    const u24 = (at: number) => (b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16);
    if (chunk === 'VP8X') return { width: u24(24) + 1, height: u24(27) + 1 };
    if (chunk === 'VP8 ') return { width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = v.getUint32(21, true);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
  }
  if (format === 'JPEG') {
    // walk the segments to the first start-of-frame (SOF0…SOF15, except DHT, JPG and DAC)
    let at = 2;
    while (at + 9 < b.length && b[at] === 0xff) {
      const marker = b[at + 1] as number;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: v.getUint16(at + 7), height: v.getUint16(at + 5) };
      }
      at += 2 + v.getUint16(at + 2);
    }
  }
  return undefined;
}

/** How many frames a GIF holds, walking its blocks; undefined when the file ends early or is not a GIF. */
export function gifFrameCount(b: Uint8Array): number | undefined {
  if (ascii(b, 0, 4) !== 'GIF8' || b.length < 13) return undefined;
  const skipColourTable = (flags: number) => (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  const skipSubBlocks = (at: number) => {
    while (at < b.length && b[at] !== 0) at += (b[at] as number) + 1;
    return at + 1;
  };
  let at = 13 + skipColourTable(b[10] as number);
  let frames = 0;
  while (at < b.length) {
    const block = b[at];
    if (block === 0x3b) return frames; // trailer
    if (block === 0x21) at = skipSubBlocks(at + 2);
    else if (block === 0x2c) {
      frames++;
      at += 10 + skipColourTable(b[at + 9] as number) + 1; // descriptor, local colours, LZW code size
      at = skipSubBlocks(at);
    } else return frames || undefined;
  }
  return frames || undefined;
}

/** The size to decode a picture at: its own, or shrunk so the longer side is `DECODE_SIDE`. */
export function decodeSize(width: number, height: number): { width: number; height: number } {
  const k = Math.min(1, DECODE_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

export type PreparedPicture =
  | { readonly ok: true; readonly image: GrayImage; readonly inverted: boolean; readonly notes: readonly PictureNote[] }
  | { readonly ok: false; readonly rejection: PictureRejection };

/**
 * A decoded picture made into the network's 28×28 input: prepared like Fashion-MNIST,
 * except a tiny picture (1×1, 3×2…), which is enlarged as it is: there is no object to crop.
 */
export function preparePicture(gray: GrayImage, notes: readonly PictureNote[] = []): PreparedPicture {
  if (Math.max(gray.width, gray.height) < TINY_SIDE) {
    return {
      ok: true,
      image: areaResize(gray, IMAGE_SIDE, IMAGE_SIDE),
      inverted: false,
      notes: [...notes, { kind: 'tiny', width: gray.width, height: gray.height }],
    };
  }
  const r = prepareLikeFashionMnist(gray);
  if (!r.ok) return { ok: false, rejection: 'blank' };
  return { ok: true, image: r.image, inverted: r.inverted, notes };
}
