import { describe, expect, it } from 'vitest';
import { traceKey } from './traceKey';

const image = (v: number) => ({ data: new Float32Array(784).fill(v), width: 28, height: 28 });

describe('traceKey', () => {
  it('is the same for the same input and size, built anew (as each lesson stop builds it)', () => {
    expect(traceKey({ kind: 'rand', seed: 0 }, 224)).toBe(traceKey({ kind: 'rand', seed: 0 }, 224));
    expect(traceKey({ kind: 'gray', image: image(0.5) }, 64)).toBe(traceKey({ kind: 'gray', image: image(0.5) }, 64));
  });
  it('differs when the notebook, a pixel or the size differs', () => {
    expect(traceKey({ kind: 'rand', seed: 0 }, 224)).not.toBe(traceKey({ kind: 'rand', seed: 1 }, 224));
    expect(traceKey({ kind: 'rand', seed: 0 }, 224)).not.toBe(traceKey({ kind: 'rand', seed: 0 }, 64));
    const other = image(0.5);
    other.data[300] = 0.75;
    expect(traceKey({ kind: 'gray', image: image(0.5) }, 64)).not.toBe(traceKey({ kind: 'gray', image: other }, 64));
  });
});
