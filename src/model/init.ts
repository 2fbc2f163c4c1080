/**
 * PyTorch's default initialisation, seeded — the one implementation every network and
 * block here is initialised with (`training/` reimplements it to check the forward):
 * Conv2d and Linear weights and biases U(−1/√fan_in, 1/√fan_in), BatchNorm2d γ = 1,
 * β = 0, running mean 0, running variance 1. Values are drawn in `state_dict` order.
 */
import type { StateDictEntry } from './architecture';
import { mulberry32, symmetricUniform } from './random';

/** The initial values of every entry, by key, reproducible from `seed`. */
export function initialValues(entries: readonly StateDictEntry[], seed: number): Map<string, Float32Array> {
  const next = mulberry32(seed);
  const out = new Map<string, Float32Array>();
  const fanIn = new Map<string, number>();
  for (const e of entries) {
    const size = e.shape.reduce((a, b) => a * b, 1);
    const layerKey = e.key.slice(0, e.key.lastIndexOf('.'));
    if (e.layer === 'batchnorm') {
      const one = e.param === 'weight' || e.param === 'running_var';
      out.set(e.key, new Float32Array(size).fill(one ? 1 : 0));
      continue;
    }
    if (e.param === 'weight')
      fanIn.set(
        layerKey,
        e.shape.slice(1).reduce((a, b) => a * b, 1),
      );
    const fan = fanIn.get(layerKey);
    if (fan === undefined) throw new Error(`${e.key} comes before its layer's weight`);
    out.set(e.key, symmetricUniform(size, 1 / Math.sqrt(fan), next));
  }
  return out;
}
