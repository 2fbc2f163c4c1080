/**
 * Picture files for tests, made in the test rather than committed: gray PNGs (pngjs) and
 * GIFs (the small encoder below). Used by the unit tests of picture reading and by the
 * upload specs (e2e/pictureFiles.ts); the app never imports it.
 */
import { PNG } from 'pngjs';

/** A gray PNG; `ink(x, y)` says which pixels are dark (the rest are white). */
export function pngBytes(width: number, height: number, ink: (x: number, y: number) => boolean): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = ink(x, y) ? 30 : 245;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/**
 * A GIF with one frame per entry of `frames` (pixel i is dark when frames[k](x, y)), looping,
 * two colours. The image data uses 9-bit LZW codes with a clear code every 254 pixels, so no
 * code table ever grows: valid LZW without compression.
 */
export function gifBytes(width: number, height: number, frames: ((x: number, y: number) => boolean)[]): Buffer {
  const out: number[] = [];
  const u16 = (n: number) => out.push(n & 255, n >> 8);
  out.push(...Buffer.from('GIF89a'));
  u16(width);
  u16(height);
  out.push(0xf7, 0, 0); // global colour table of 256 entries (8 bits), background 0
  for (let i = 0; i < 256; i++) out.push(i === 1 ? 30 : 245, i === 1 ? 30 : 245, i === 1 ? 30 : 245);
  out.push(0x21, 0xff, 11, ...Buffer.from('NETSCAPE2.0'), 3, 1, 0, 0, 0); // loop forever
  for (const frame of frames) {
    out.push(0x21, 0xf9, 4, 0x04, 10, 0, 0, 0); // 0.1 s, keep the frame
    out.push(0x2c);
    u16(0);
    u16(0);
    u16(width);
    u16(height);
    out.push(0, 8); // no local colour table; LZW minimum code size 8
    const codes: number[] = [];
    let sinceClear = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (sinceClear === 0) codes.push(256);
        codes.push(frame(x, y) ? 1 : 0);
        sinceClear = (sinceClear + 1) % 254;
      }
    }
    codes.push(257);
    const bytes: number[] = [];
    let acc = 0;
    let bits = 0;
    for (const c of codes) {
      acc |= c << bits;
      bits += 9;
      while (bits >= 8) {
        bytes.push(acc & 255);
        acc >>= 8;
        bits -= 8;
      }
    }
    if (bits > 0) bytes.push(acc & 255);
    for (let i = 0; i < bytes.length; i += 255) {
      const chunk = bytes.slice(i, i + 255);
      out.push(chunk.length, ...chunk);
    }
    out.push(0);
  }
  out.push(0x3b);
  return Buffer.from(out);
}
