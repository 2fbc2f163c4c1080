/** Seeded randomness, so a screenshot, a test and a classroom demo repeat. */

/** mulberry32: a small, fast 32-bit PRNG. Returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` uniform values in [0, 1), like `torch.rand`, from a seed. */
export function uniformArray(size: number, seed: number): Float32Array {
  const next = mulberry32(seed);
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = next();
  return out;
}

/** `size` uniform values in [−bound, bound). */
export function symmetricUniform(size: number, bound: number, next: () => number): Float32Array {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = (2 * next() - 1) * bound;
  return out;
}
