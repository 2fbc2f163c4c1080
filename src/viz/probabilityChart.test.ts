import { describe, expect, it } from 'vitest';
import { layoutProbabilities } from './probabilityChart';

const p = [0.1, 0.2, 0.7];
const names = ['a', 'b', 'c'];

describe('probability chart', () => {
  it('labels 0, 50 and 100 % where the bars have room', () => {
    expect(layoutProbabilities(p, names, 420).ticks.map((t) => t.value)).toEqual([0, 0.5, 1]);
  });
  it('labels only the ends where "50 %" would run into "100 %" (a narrow column in projector mode)', () => {
    // the side column at 1920 × 1080 in projector mode: 90 px of bars at text scale 1.3125
    const k = 1.3125;
    const narrow = layoutProbabilities(p, names, 120 * k + 62 * k + 90, undefined, k);
    expect(narrow.ticks.map((t) => t.value)).toEqual([0, 1]);
    const [a, b] = narrow.ticks;
    expect(b!.x - a!.x).toBeGreaterThanOrEqual(4 * 12 * k * 0.9);
  });
});
