import { afterEach, describe, expect, it } from 'vitest';
import { KEPT, recordDraw } from './drawTiming';

describe('the stepper’s draw times', () => {
  afterEach(() => performance.clearMeasures());

  it('stay bounded over a long session, the newest kept, other names untouched', () => {
    performance.measure('other', { start: 0, end: 1 });
    for (let i = 0; i < 1000; i++) recordDraw('stepper:grid', performance.now(), `step ${i}`);
    const grid = performance.getEntriesByName('stepper:grid', 'measure');
    expect(grid.length).toBeGreaterThan(0);
    expect(grid.length).toBeLessThanOrEqual(KEPT);
    expect((grid.at(-1) as PerformanceMeasure).detail).toBe('step 999');
    expect(performance.getEntriesByName('other', 'measure')).toHaveLength(1);
  });
});
