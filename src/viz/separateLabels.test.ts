import { describe, expect, it } from 'vitest';
import { separateLabels } from './separateLabels';

/** A stand-in for an SVG text element: only its y attribute matters here. */
function label(y: number): SVGTextElement {
  const attrs = new Map([['y', String(y)]]);
  return {
    getAttribute: (k: string) => attrs.get(k) ?? null,
    setAttribute: (k: string, v: string) => void attrs.set(k, v),
  } as unknown as SVGTextElement;
}

describe('separateLabels', () => {
  it('pushes close labels apart around their midpoint, keeping their order', () => {
    const [a, b] = [label(105), label(100)];
    separateLabels([a, b], 18);
    expect([a.getAttribute('y'), b.getAttribute('y')]).toEqual(['111.5', '93.5']);
  });

  it('leaves labels that are far enough apart alone', () => {
    const [a, b] = [label(10), label(50)];
    separateLabels([a, b], 18);
    expect([a.getAttribute('y'), b.getAttribute('y')]).toEqual(['10', '50']);
  });
});
