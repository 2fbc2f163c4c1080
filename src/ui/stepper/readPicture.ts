/**
 * A picture file as gray pixels, or the reason it cannot be used. The format is read from
 * the file's bytes; a large photo is decoded straight to at most `DECODE_SIDE` on a side
 * (createImageBitmap's resize options, off the main thread), so a 50-megapixel photo never
 * sits in the page at full size. Every failure is a `PictureRejection`, never the browser's
 * exception.
 */
import { rgbaToGray } from '../../model/input';
import {
  decodeSize,
  DECODE_SIDE,
  gifFrameCount,
  headerSize,
  preparePicture,
  sniffPicture,
  type PictureFormat,
  type PictureNote,
  type PreparedPicture,
} from '../../explain/stepper/pictureFile';

/** Enough of the file to find a JPEG's size behind its metadata (camera EXIF blocks are under 64 KB each). */
const HEADER_BYTES = 1 << 20;

export type PictureResult =
  PreparedPicture | { readonly ok: false; readonly rejection: 'corrupt'; format: PictureFormat };

async function decode(file: Blob, size?: { width: number; height: number }): Promise<ImageBitmap> {
  if (!size) return createImageBitmap(file);
  const target = decodeSize(size.width, size.height);
  if (target.width === size.width && target.height === size.height) return createImageBitmap(file);
  return createImageBitmap(file, { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'medium' });
}

/** Gray pixels of a decoded picture, shrunk to at most `DECODE_SIDE` if the decoder did not already. */
function toGray(bmp: ImageBitmap) {
  const { width: w, height: h } = decodeSize(bmp.width, bmp.height);
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas');
  ctx.drawImage(bmp, 0, 0, w, h);
  return { data: rgbaToGray(ctx.getImageData(0, 0, w, h).data, 4), width: w, height: h };
}

export async function readPicture(file: Blob): Promise<PictureResult> {
  const isGif = file.size < 64 << 20 && (await file.slice(0, 4).text()) === 'GIF8';
  const head = new Uint8Array(await file.slice(0, isGif ? file.size : HEADER_BYTES).arrayBuffer());
  const format = sniffPicture(head);
  if (format === 'empty' || format === 'svg' || format === 'heic' || format === 'notImage') {
    return { ok: false, rejection: format };
  }
  const size = headerSize(head, format);
  const notes: PictureNote[] = [];
  const frames = format === 'GIF' ? gifFrameCount(head) : undefined;
  if (frames !== undefined && frames > 1) notes.push({ kind: 'animated', frames });
  let bmp: ImageBitmap;
  try {
    bmp = await decode(file, size);
  } catch {
    // the browser's message ("The source image could not be decoded") says nothing a student can act on
    return { ok: false, rejection: 'corrupt', format };
  }
  try {
    if (size && Math.max(size.width, size.height) > DECODE_SIDE) {
      notes.push({ kind: 'reduced', ...size, decodedWidth: bmp.width, decodedHeight: bmp.height });
    }
    return preparePicture(toGray(bmp), notes);
  } finally {
    bmp.close();
  }
}
