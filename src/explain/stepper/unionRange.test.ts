import { describe, expect, it } from 'vitest';
import { unionRange } from './unionRange';

const t = (...v: number[]) => ({ shape: [1, v.length], data: Float32Array.from(v) });

describe('unionRange', () => {
  it('is one range over every tensor shown side by side', () => {
    expect(unionRange([t(0, 2), t(-3, 1), t(5)])).toEqual({ min: -3, max: 5 });
    expect(unionRange([t(1)])).toEqual({ min: 1, max: 1 });
  });
});
