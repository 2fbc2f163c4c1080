/**
 * Picture files for the upload specs, made in the test rather than committed: PNGs and GIFs
 * from src/explain/stepper/pictureBytes.ts (the unit tests use them too), JPEGs by the
 * browser's own encoder.
 */
import type { Page } from '@playwright/test';
import { gifBytes, pngBytes } from '../src/explain/stepper/pictureBytes';

export { gifBytes, pngBytes };

/** A JPEG (or WebP) from the browser's encoder: a dark block on white, `width`×`height`. */
export async function jpegBytes(page: Page, width: number, height: number, type = 'image/jpeg'): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ([w, h, mime]) => {
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.fillStyle = '#f5f5f5';
      ctx.fillRect(0, 0, w, h);
      ctx.fillStyle = '#1e1e1e';
      ctx.fillRect(w * 0.25, h * 0.25, w * 0.5, h * 0.5);
      const blob = await canvas.convertToBlob({ type: mime, quality: 0.6 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    },
    [width, height, type] as const,
  );
  return Buffer.from(b64, 'base64');
}
