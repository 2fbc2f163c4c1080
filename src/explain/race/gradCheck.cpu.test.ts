/**
 * The race's training held to PyTorch in Node on the CPU backend (see gradCheck.test.ts), for
 * the smallest networks only: tfjs's CPU filter gradient is a plain loop, about 25 s a step here.
 */
import { describe, expect, it } from 'vitest';
import { checkOn, describeCheck } from './gradCheck.testing';

describe('on cpu', () => {
  for (const id of ['plain-1-w4', 'residual-1-w4'])
    it(`${id}: loss, gradients, layer norms and 3 steps match PyTorch`, async () => {
      const r = await checkOn('cpu', id);
      expect(r.backend).toBe('cpu');
      expect(r.leaked).toBe(0);
      expect(r.failed).toEqual([]);
      expect(r.check.comparisons).toHaveLength(r.expected);
      console.log(describeCheck('cpu', r.check));
    }, 300_000);
});
