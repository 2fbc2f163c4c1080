import { describe, expect, it } from 'vitest';
import { fartherThanSmaller, stepCaption } from './captions';
import { bestFits, DEFAULT_TRUTH, panelRegions } from './regions';

const fits = (d: number[]) => d.map((distance) => ({ distance, point: { x: 0, y: 0 } }));

describe('fartherThanSmaller', () => {
  it('names the closest smaller class (before the previous one) that the current class is farther than', () => {
    // F6 is closer than F5 (the step caption says so) but farther than F3
    expect(fartherThanSmaller(fits([62.6, 38.3, 9.9, 30.2, 30.7, 22.9]), 6)).toEqual({
      i: 6,
      d: '22.9',
      j: 3,
      dj: '9.9',
    });
    // F4 is farther than F3, which the step caption says; F1 and F2 are farther still
    expect(fartherThanSmaller(fits([62.6, 38.3, 9.9, 30.2]), 4)).toBeUndefined();
    expect(fartherThanSmaller(fits([5, 4, 3]), 3)).toBeUndefined();
  });
  it('never fires for nested classes, wherever f* is', () => {
    for (const truth of [DEFAULT_TRUTH, { x: 10, y: 70 }, { x: 110, y: 10 }]) {
      const nested = bestFits(panelRegions('nested'), truth);
      for (let step = 1; step <= 6; step++) expect(fartherThanSmaller(nested, step)).toBeUndefined();
    }
  });
  it('the lesson’s pinned figure steps say what their titles claim (stop 2 at F4, stop 3 at F6)', () => {
    const nonNested = bestFits(panelRegions('nonNested'), DEFAULT_TRUTH);
    expect(stepCaption(nonNested, 4).key).toBe('farther');
    expect(fartherThanSmaller(nonNested, 6)?.j).toBe(3);
  });
});
