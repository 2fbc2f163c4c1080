import { describe, expect, it } from 'vitest';
import { vectorLayout } from './featureMapGrid';

describe('vectorLayout', () => {
  it('puts ten logits in one row and 512 features in a wide block', () => {
    const ten = vectorLayout([1, 10], 600);
    expect([ten.cols, ten.rows]).toEqual([10, 1]);
    const many = vectorLayout([1, 512], 600);
    expect(many.width).toBeLessThanOrEqual(600);
    expect(many.cols * many.rows).toBeGreaterThanOrEqual(512);
    expect(many.height).toBeLessThan(many.width);
  });
});
