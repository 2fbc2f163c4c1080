import { describe, expect, it } from 'vitest';
import { convOutputSize } from '../model/architecture';
import { outputSizeStackedTex, outputSizeTex } from './formulas';

describe('formulas', () => {
  it("fills the output-size formula with the step's numbers", () => {
    // b1's convolution on the notebook's 224×224: ⌊(224 + 6 − 7)/2⌋ + 1 = 112
    const h2 = convOutputSize(224, 7, 2, 3);
    expect(h2).toBe(112);
    expect(outputSizeTex({ h: 224, k: 7, s: 2, p: 3, h2 })).toContain(
      '\\left\\lfloor \\frac{224 + 2 \\cdot 3 - 7}{2} \\right\\rfloor + 1 = 112',
    );
  });
  it('stacks the same sides, one "= …" per line, for a narrow column', () => {
    const a = { h: 224, k: 7, s: 2, p: 3, h2: 112 };
    const stacked = outputSizeStackedTex(a);
    expect(stacked.startsWith('\\begin{aligned} H_{\\text{out}} &= ')).toBe(true);
    // the one-line form, its signs aligned and its sides on lines of their own
    expect(stacked.replace(/\\begin\{aligned\} | \\end\{aligned\}|&| \\\\/g, '')).toBe(outputSizeTex(a));
    expect(stacked.split(' \\\\ ')).toHaveLength(3);
  });
});
