import { describe, expect, it } from 'vitest';
import {
  areaResize,
  cropToSquare,
  invertIfLightBackground,
  objectBox,
  prepareLikeFashionMnist,
  type GrayImage,
} from './prepare';
import { decodeDrawing, encodeDrawing, parseInputSpec } from './inputs';

/** A white page with a black filled rectangle, as a pen drawing looks before preparation. */
function page(w: number, h: number, rect: { x: number; y: number; w: number; h: number }): GrayImage {
  const data = new Float32Array(w * h).fill(1);
  for (let y = rect.y; y < rect.y + rect.h; y++) for (let x = rect.x; x < rect.x + rect.w; x++) data[y * w + x] = 0;
  return { data, width: w, height: h };
}

describe('preparing a drawing like Fashion-MNIST', () => {
  it('inverts a light background and leaves a dark one', () => {
    const light = invertIfLightBackground(page(10, 10, { x: 2, y: 2, w: 3, h: 3 }));
    expect(light.inverted).toBe(true);
    expect(light.image.data[0]).toBe(0);
    expect(light.image.data[3 * 10 + 3]).toBe(1);
    const dark = invertIfLightBackground(light.image);
    expect(dark.inverted).toBe(false);
  });

  it('crops to the object and pads it to a centred square', () => {
    const { image } = invertIfLightBackground(page(20, 10, { x: 4, y: 2, w: 8, h: 4 }));
    const box = objectBox(image);
    expect(box).toEqual({ x: 4, y: 2, width: 8, height: 4 });
    const sq = cropToSquare(image, box as NonNullable<typeof box>);
    expect([sq.width, sq.height]).toEqual([8, 8]);
    // rows 0, 1 and 6, 7 are padding; rows 2–5 the object
    expect(Array.from(sq.data.slice(0, 16))).toEqual(new Array(16).fill(0));
    expect(Array.from(sq.data.slice(16, 48))).toEqual(new Array(32).fill(1));
    expect(Array.from(sq.data.slice(48))).toEqual(new Array(16).fill(0));
  });

  it('shrinks by area averaging, weighting partly covered pixels', () => {
    const img: GrayImage = { data: Float32Array.from([1, 0, 0, 0, 1, 1, 0, 0, 1]), width: 3, height: 3 };
    const out = areaResize(img, 2, 2);
    // top-left output covers x, y ∈ [0, 1.5): 1·1 + 0·0.5 + 0·0.5 + 1·0.25 over area 2.25
    expect(out.data[0]).toBeCloseTo((1 + 0.25) / 2.25);
    const flat = areaResize({ data: new Float32Array(56 * 56).fill(0.4), width: 56, height: 56 }, 28, 28);
    expect(Math.max(...flat.data)).toBeCloseTo(0.4);
    expect(Math.min(...flat.data)).toBeCloseTo(0.4);
  });

  it('turns a black-on-white drawing into a 28×28 white-on-black image filling the square', () => {
    const r = prepareLikeFashionMnist(page(280, 280, { x: 100, y: 40, w: 40, h: 200 }));
    if (!r.ok) throw new Error(r.message);
    expect(r.inverted).toBe(true);
    expect([r.image.width, r.image.height]).toEqual([28, 28]);
    expect(r.image.data[0]).toBe(0); // background became black
    expect(r.image.data[14 * 28 + 14]).toBeCloseTo(1); // the object is white, in the middle
    expect(r.image.data[0 * 28 + 14]).toBeCloseTo(1); // tall object touches the top
    expect(prepareLikeFashionMnist(page(50, 50, { x: 0, y: 0, w: 0, h: 0 })).ok).toBe(false);
  });
});

describe('inputs in the URL', () => {
  it('encodes a drawing compactly and decodes it to 16 gray levels', () => {
    const data = Float32Array.from({ length: 784 }, (_, i) => (i % 29) / 28);
    const text = encodeDrawing({ data, width: 28, height: 28 });
    expect(text.length).toBeLessThanOrEqual(523);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = decodeDrawing(text);
    expect(back?.data.length).toBe(784);
    back?.data.forEach((v, i) => expect(Math.abs(v - (data[i] as number))).toBeLessThanOrEqual(1 / 30 + 1e-6));
    expect(decodeDrawing('abc')).toBeUndefined();
  });

  it('parses samples, random seeds and drawings, and reports nonsense', () => {
    expect(parseInputSpec('sample:c3-6004')).toEqual({ kind: 'sample', id: 'c3-6004' });
    expect(parseInputSpec('rand:0')).toEqual({ kind: 'rand', seed: 0 });
    expect(parseInputSpec('')).toBeUndefined();
    expect(parseInputSpec('rand:x')).toHaveProperty('error');
    expect(parseInputSpec('photo:1')).toHaveProperty('error');
  });
});
