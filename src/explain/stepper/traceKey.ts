/**
 * When two requests ask for the same trace: the same input (the same seed, or the same
 * pixels) at the same size. Lesson stops that move only the step pin the same input again;
 * they reuse the trace on screen instead of running the network again.
 */
import type { InputSource } from './inputs';

/** FNV-1a over the pixels' bits: equal pictures give equal keys (a collision needs ~2³² pictures). */
function pixelHash(data: Float32Array): string {
  const bits = new Uint32Array(data.buffer, data.byteOffset, data.length);
  let h = 0x811c9dc5;
  for (let i = 0; i < bits.length; i++) {
    h ^= bits[i] as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
}

/** A string that is equal for two requests exactly when they ask for the same trace. */
export function traceKey(source: InputSource, size: number): string {
  return source.kind === 'rand'
    ? `rand:${source.seed}@${size}`
    : `gray:${source.image.width}x${source.image.height}:${pixelHash(source.image.data)}@${size}`;
}
