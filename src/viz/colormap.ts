/**
 * Colour maps for feature maps, as 256-entry lookup tables so a 64 × 112 × 112 grid
 * colours in a few milliseconds. Signed values get a diverging map centred on zero;
 * non-negative ones (after ReLU, inputs) a sequential map.
 */
import { interpolateMagma, interpolateRdBu, rgb } from 'd3';

export type ColormapName = 'diverging' | 'sequential';

/** A lookup table: 256 RGB triples. */
export type Lut = Uint8ClampedArray;

function buildLut(f: (t: number) => string): Lut {
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const c = rgb(f(i / 255));
    lut[i * 3] = c.r;
    lut[i * 3 + 1] = c.g;
    lut[i * 3 + 2] = c.b;
  }
  return lut;
}

const LUTS: Record<ColormapName, Lut> = {
  // RdBu runs red → blue; flip it so negative is blue and positive red
  diverging: buildLut((t) => interpolateRdBu(1 - t)),
  sequential: buildLut(interpolateMagma),
};

export function lut(name: ColormapName): Lut {
  return LUTS[name];
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A table as 256 opaque RGBA pixels, each one 32-bit word in this machine's byte order. */
function packed(table: Lut): Uint32Array {
  const out = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    const [r, g, b] = [table[i * 3] as number, table[i * 3 + 1] as number, table[i * 3 + 2] as number];
    out[i] = LITTLE_ENDIAN
      ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0
      : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
  }
  return out;
}

const PACKED: Record<ColormapName, Uint32Array> = {
  diverging: packed(LUTS.diverging),
  sequential: packed(LUTS.sequential),
};

/** The map as 32-bit RGBA pixels, for writing a whole pixel at once into ImageData's buffer. */
export function lutPixels(name: ColormapName): Uint32Array {
  return PACKED[name];
}

/** The CSS colour of a position t ∈ [0, 1] in a map (for legends). */
export function colorAt(name: ColormapName, t: number): string {
  const i = Math.max(0, Math.min(255, Math.round(t * 255)));
  const l = LUTS[name];
  return `rgb(${l[i * 3]}, ${l[i * 3 + 1]}, ${l[i * 3 + 2]})`;
}

/** A value range and the map to draw it with: diverging ranges are symmetric around 0. */
export interface ColorRange {
  readonly min: number;
  readonly max: number;
  readonly colormap: ColormapName;
}

/** Choose the map for values in [min, max]: diverging when they change sign. */
export function colorRangeFor(min: number, max: number): ColorRange {
  if (min < 0 && max > 0) {
    const m = Math.max(-min, max);
    return { min: -m, max: m, colormap: 'diverging' };
  }
  return { min, max: max > min ? max : min + 1, colormap: min < 0 ? 'diverging' : 'sequential' };
}
