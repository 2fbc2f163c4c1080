import { describe, expect, it } from 'vitest';
import { lessonScrollTarget } from './scrollTarget';

const base = { scrollY: 1000, viewportHeight: 720, barHeight: 80, topInset: 10 };

describe('lessonScrollTarget', () => {
  it('puts a region that fits at the top of the room above the bar', () => {
    expect(lessonScrollTarget({ ...base, region: { top: 300, bottom: 600 } })).toBe(1290);
  });
  it('shows a tall region’s key element fully above the bar, with as much above it as fits', () => {
    // key near the region's bottom: scroll until its bottom clears the bar (720 − 80 − 4 = 636)
    const t = lessonScrollTarget({ ...base, region: { top: 100, bottom: 1500 }, key: { top: 1100, bottom: 1400 } });
    expect(t).toBe(1000 + 1400 - 636);
    // key near the top: the region's top stays at the top
    expect(lessonScrollTarget({ ...base, region: { top: 100, bottom: 1500 }, key: { top: 150, bottom: 400 } })).toBe(
      1090,
    );
  });
  it('a key taller than the room starts at the top of the room (its top is what is read first)', () => {
    expect(lessonScrollTarget({ ...base, region: { top: 100, bottom: 2500 }, key: { top: 500, bottom: 2000 } })).toBe(
      1490,
    );
  });
  it('never scrolls above the page', () => {
    expect(lessonScrollTarget({ ...base, scrollY: 0, region: { top: 5, bottom: 100 } })).toBe(0);
  });
});
