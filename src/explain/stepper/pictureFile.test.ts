import { describe, expect, it } from 'vitest';
import { gifBytes, pngBytes } from './pictureBytes';
import { decodeSize, gifFrameCount, headerSize, preparePicture, sniffPicture } from './pictureFile';
import { IMAGE_SIDE } from '../../model/fashionMnist';

const bytes = (s: string) => new TextEncoder().encode(s);

/** The segments a JPEG starts with, up to its frame header: SOI, APP0 (JFIF), SOF0. */
function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0, 16, ...bytes('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, 0, 11, 8, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0]);
}

describe('what an uploaded file is, from its bytes', () => {
  it('recognises picture formats by their signatures, whatever the name says', () => {
    expect(sniffPicture(pngBytes(3, 3, () => false))).toBe('PNG');
    expect(sniffPicture(jpegHeader(10, 10))).toBe('JPEG');
    expect(sniffPicture(gifBytes(2, 2, [() => true]))).toBe('GIF');
    expect(sniffPicture(new Uint8Array([...bytes('RIFF'), 0, 0, 0, 0, ...bytes('WEBPVP8 ')]))).toBe('WebP');
  });

  it('refuses empty files, SVG drawings and anything else', () => {
    expect(sniffPicture(new Uint8Array())).toBe('empty');
    expect(sniffPicture(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
    expect(sniffPicture(bytes('\ufeff<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg>\n<svg>'))).toBe(
      'svg',
    );
    expect(sniffPicture(bytes('these are not pixels'))).toBe('notImage');
    expect(sniffPicture(new Uint8Array([0, 0, 0, 24, ...bytes('ftypheic'), 0, 0, 0, 0]))).toBe('heic');
    expect(sniffPicture(bytes('<html><body>a web page</body></html>'))).toBe('notImage');
    expect(sniffPicture(new Uint8Array([0x89, 0x50]))).toBe('notImage');
  });

  it('reads the pixel size from PNG, GIF and JPEG headers', () => {
    expect(
      headerSize(
        pngBytes(40, 30, () => false),
        'PNG',
      ),
    ).toEqual({ width: 40, height: 30 });
    expect(headerSize(gifBytes(17, 9, [() => false]), 'GIF')).toEqual({ width: 17, height: 9 });
    expect(headerSize(jpegHeader(8660, 5800), 'JPEG')).toEqual({ width: 8660, height: 5800 });
    expect(headerSize(jpegHeader(8660, 5800).subarray(0, 20), 'JPEG')).toBeUndefined();
    // WebP's extended header: 24-bit width − 1 and height − 1
    const vp8x = new Uint8Array(30);
    vp8x.set(bytes('RIFF'), 0);
    vp8x.set(bytes('WEBPVP8X'), 8);
    vp8x.set([(8660 - 1) & 255, (8660 - 1) >> 8, 0, (5800 - 1) & 255, (5800 - 1) >> 8, 0], 24);
    expect(headerSize(vp8x, 'WebP')).toEqual({ width: 8660, height: 5800 });
  });

  it('counts the frames of a GIF', () => {
    expect(gifFrameCount(gifBytes(20, 20, [() => true]))).toBe(1);
    expect(gifFrameCount(gifBytes(20, 20, [() => true, () => false, (x) => x > 3]))).toBe(3);
    expect(gifFrameCount(pngBytes(2, 2, () => true))).toBeUndefined();
  });

  it('decodes large pictures at 512 on the longer side, small ones as they are', () => {
    expect(decodeSize(8660, 5800)).toEqual({ width: 512, height: 343 });
    expect(decodeSize(300, 4000)).toEqual({ width: 38, height: 512 });
    expect(decodeSize(40, 30)).toEqual({ width: 40, height: 30 });
  });
});

describe('a decoded picture made into the 28×28 input', () => {
  it('enlarges a 1×1 picture as it is, with a note, even a white one', () => {
    const r = preparePicture({ data: new Float32Array([1]), width: 1, height: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notes).toEqual([{ kind: 'tiny', width: 1, height: 1 }]);
    expect(r.image.width).toBe(IMAGE_SIDE);
    expect(Array.from(new Set(r.image.data))).toEqual([1]);
  });

  it('refuses a picture with nothing in it', () => {
    expect(preparePicture({ data: new Float32Array(100).fill(1), width: 10, height: 10 })).toEqual({
      ok: false,
      rejection: 'blank',
    });
  });
});
