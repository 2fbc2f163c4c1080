import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../model/random';
import {
  distanceToEllipse,
  ellipseContains,
  ellipsePointAt,
  growNested,
  homotheticContains,
  nearestPointInEllipse,
  type Ellipse,
} from './ellipse';
import { closestStep, neverGrows, stepCaption } from './captions';
import {
  bestFits,
  CLASS_COUNT,
  DEFAULT_TRUTH,
  FIGURE_BOX,
  NESTED,
  NON_NESTED,
  nudgeTruth,
  regionAreas,
} from './regions';

/** Nearest distance by brute force over 20,000 edge points (an oracle for the bisection). */
function bruteDistance(e: Ellipse, p: { x: number; y: number }): number {
  if (ellipseContains(e, p)) return 0;
  let best = Infinity;
  for (let i = 0; i < 20000; i++) {
    const q = ellipsePointAt(e, (2 * Math.PI * i) / 20000);
    best = Math.min(best, Math.hypot(q.x - p.x, q.y - p.y));
  }
  return best;
}

const randomPoints = (n: number, seed: number) => {
  const next = mulberry32(seed);
  return Array.from({ length: n }, () => ({ x: next() * FIGURE_BOX.width, y: next() * FIGURE_BOX.height }));
};

describe('ellipse geometry', () => {
  const e: Ellipse = { cx: 10, cy: -4, rx: 7, ry: 2, angle: 0.6 };

  it('finds the nearest point of an ellipse, as brute force does', () => {
    for (const p of randomPoints(60, 1).map((p) => ({ x: p.x - 40, y: p.y - 40 }))) {
      const d = distanceToEllipse(e, p);
      expect(d).toBeCloseTo(bruteDistance(e, p), 2);
      expect(d).toBeLessThanOrEqual(bruteDistance(e, p) + 1e-9);
    }
  });

  it('returns the point itself when it is inside, and an edge point otherwise', () => {
    expect(nearestPointInEllipse(e, { x: 10, y: -4 })).toEqual({ x: 10, y: -4 });
    const n = nearestPointInEllipse(e, { x: 40, y: 20 });
    const q = { x: n.x - e.cx, y: n.y - e.cy };
    const c = Math.cos(e.angle),
      s = Math.sin(e.angle);
    const u = (c * q.x + s * q.y) / e.rx,
      v = (-s * q.x + c * q.y) / e.ry;
    expect(u * u + v * v).toBeCloseTo(1, 9);
  });

  it('handles points on an axis and ellipses turned by a right angle', () => {
    const circleish: Ellipse = { cx: 0, cy: 0, rx: 5, ry: 3, angle: Math.PI / 2 };
    expect(distanceToEllipse(circleish, { x: 0, y: 9 })).toBeCloseTo(4, 9);
    expect(distanceToEllipse(circleish, { x: 7, y: 0 })).toBeCloseTo(4, 9);
  });

  it('grows a nested ellipse that contains the one before (exact test and sampled edge)', () => {
    const grown = growNested(e, 1.3, { x: 100, y: 50 }, 1);
    expect(homotheticContains(grown, e)).toBe(true);
    for (let i = 0; i < 360; i++) expect(ellipseContains(grown, ellipsePointAt(e, (i * Math.PI) / 180))).toBe(true);
    const tooFar = { ...grown, cx: grown.cx + 5 };
    expect(homotheticContains(tooFar, e)).toBe(false);
  });
});

describe('the figure', () => {
  it('has six classes per panel, each larger than the one before', () => {
    for (const regions of [NON_NESTED, NESTED]) {
      expect(regions).toHaveLength(CLASS_COUNT);
      const areas = regionAreas(regions);
      areas.slice(1).forEach((a, i) => expect(a).toBeGreaterThan(areas[i]!));
    }
  });

  it('nests the right panel, F1 ⊂ F2 ⊂ … ⊂ F6, and the left one not', () => {
    NESTED.slice(1).forEach((outer, i) => expect(homotheticContains(outer, NESTED[i]!)).toBe(true));
    const leftNested = NON_NESTED.slice(1).every((outer, i) =>
      Array.from({ length: 90 }, (_, k) => ellipsePointAt(NON_NESTED[i]!, (k * 4 * Math.PI) / 180)).every((p) =>
        ellipseContains(outer, p),
      ),
    );
    expect(leftNested).toBe(false);
  });

  it('keeps every region inside the figure', () => {
    for (const e of [...NON_NESTED, ...NESTED])
      for (let k = 0; k < 360; k += 5) {
        const p = ellipsePointAt(e, (k * Math.PI) / 180);
        expect(p.x).toBeGreaterThan(0);
        expect(p.x).toBeLessThan(FIGURE_BOX.width);
        expect(p.y).toBeGreaterThan(0);
        expect(p.y).toBeLessThan(FIGURE_BOX.height);
      }
  });

  it('in the nested panel the distance to f* never grows, wherever f* is (2,000 random places)', () => {
    for (const truth of randomPoints(2000, 7)) {
      expect(neverGrows(bestFits(NESTED, truth).map((f) => f.distance))).toBe(true);
    }
  });

  it('in the non-nested panel it can grow: at the start F6 is larger than F3 yet farther from f*', () => {
    const fits = bestFits(NON_NESTED, DEFAULT_TRUTH);
    expect(neverGrows(fits.map((f) => f.distance))).toBe(false);
    expect(fits[5]!.distance).toBeGreaterThan(fits[2]!.distance);
    expect(closestStep(fits)).toBe(3);
    const grows = randomPoints(500, 3).filter((t) => !neverGrows(bestFits(NON_NESTED, t).map((f) => f.distance)));
    expect(grows.length).toBeGreaterThan(100);
  });

  it('at the start the nested panel reaches f*: it lies in F6', () => {
    expect(bestFits(NESTED, DEFAULT_TRUTH)[5]!.distance).toBe(0);
  });
});

describe('captions', () => {
  const fits = (ds: number[]) => ds.map((distance) => ({ point: { x: 0, y: 0 }, distance }));

  it('says whether the best approximation got closer, farther or reached f*', () => {
    const f = fits([9, 5, 7, 7.01, 0, 0]);
    expect(stepCaption(f, 1)).toMatchObject({ key: 'first', values: { i: 1, d: '9.0' } });
    expect(stepCaption(f, 2)).toMatchObject({ key: 'closer', values: { i: 2, prev: 1, d: '5.0', before: '9.0' } });
    expect(stepCaption(f, 3).key).toBe('farther');
    expect(stepCaption(f, 4).key).toBe('same');
    expect(stepCaption(f, 5).key).toBe('inside');
    expect(stepCaption(f, 6).key).toBe('stillInside');
    expect(() => stepCaption(f, 7)).toThrow(RangeError);
  });
});

describe('keyboard', () => {
  it('moves f* with the arrow keys, more with Shift, and keeps it in the figure', () => {
    expect(nudgeTruth({ x: 50, y: 50 }, 'ArrowLeft', false)).toEqual({ x: 49, y: 50 });
    expect(nudgeTruth({ x: 50, y: 50 }, 'ArrowDown', true)).toEqual({ x: 50, y: 55 });
    expect(nudgeTruth({ x: 50, y: 4 }, 'ArrowUp', true)).toEqual({ x: 50, y: 3 });
    expect(nudgeTruth({ x: 50, y: 50 }, 'Enter', false)).toBeUndefined();
  });
});
