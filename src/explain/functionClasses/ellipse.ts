/**
 * Ellipses in the plane: the regions F1…F6 of the function-classes figure. Pure
 * geometry, no drawing: containment, the nearest point to a given point (the best
 * approximation f*_F of the truth f* inside a class F), and nesting of two ellipses.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An ellipse with centre (cx, cy), semi-axes rx, ry, turned by `angle` radians. */
export interface Ellipse {
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
  readonly angle: number;
}

/** Area of an ellipse: π·rx·ry. */
export function ellipseArea(e: Ellipse): number {
  return Math.PI * e.rx * e.ry;
}

/** The point in the ellipse's own frame (centre at 0, axes along x and y). */
function toLocal(e: Ellipse, p: Point): Point {
  const dx = p.x - e.cx;
  const dy = p.y - e.cy;
  const c = Math.cos(e.angle);
  const s = Math.sin(e.angle);
  return { x: c * dx + s * dy, y: -s * dx + c * dy };
}

function toWorld(e: Ellipse, q: Point): Point {
  const c = Math.cos(e.angle);
  const s = Math.sin(e.angle);
  return { x: e.cx + c * q.x - s * q.y, y: e.cy + s * q.x + c * q.y };
}

/** Whether p lies inside the ellipse or on its edge. */
export function ellipseContains(e: Ellipse, p: Point): boolean {
  const q = toLocal(e, p);
  return (q.x / e.rx) ** 2 + (q.y / e.ry) ** 2 <= 1;
}

/** The point of the ellipse's edge at parameter t ∈ [0, 2π). */
export function ellipsePointAt(e: Ellipse, t: number): Point {
  return toWorld(e, { x: e.rx * Math.cos(t), y: e.ry * Math.sin(t) });
}

/**
 * The point of the (filled) ellipse nearest to p: p itself when p is inside, else the
 * foot of the perpendicular on the edge. For p outside, the nearest edge point is
 * q_i = r_i² p_i / (t + r_i²) for the t > 0 where q lies on the edge (Eberly,
 * "Distance from a point to an ellipse"); that t is found by bisection, which always
 * converges because the edge equation decreases in t.
 */
export function nearestPointInEllipse(e: Ellipse, p: Point): Point {
  if (ellipseContains(e, p)) return p;
  const q = toLocal(e, p);
  const a2 = e.rx * e.rx;
  const b2 = e.ry * e.ry;
  const ax = e.rx * Math.abs(q.x);
  const by = e.ry * Math.abs(q.y);
  const edge = (t: number) => (ax / (t + a2)) ** 2 + (by / (t + b2)) ** 2 - 1;
  let lo = 0;
  let hi = Math.hypot(ax, by); // edge(hi) ≤ 0, since each term is at most (r_i p_i / t)²
  for (let i = 0; i < 200 && hi - lo > 1e-14 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (edge(mid) > 0) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return toWorld(e, { x: (a2 * q.x) / (t + a2), y: (b2 * q.y) / (t + b2) });
}

/** Distance from p to the nearest point of the filled ellipse (0 inside). */
export function distanceToEllipse(e: Ellipse, p: Point): number {
  const n = nearestPointInEllipse(e, p);
  return Math.hypot(n.x - p.x, n.y - p.y);
}

/**
 * Whether `inner` lies inside `outer`, for ellipses of the same shape and angle
 * (`outer` a scaled copy of `inner`, moved). In `outer`'s normalised frame it is the
 * unit disc and `inner` a disc of radius 1/k around the moved centre, so the test is
 * exact: |centre| + 1/k ≤ 1. Returns false for ellipses of different shapes.
 */
export function homotheticContains(outer: Ellipse, inner: Ellipse): boolean {
  const k = outer.rx / inner.rx;
  const sameShape =
    Math.abs(outer.ry / inner.ry - k) < 1e-9 * k && Math.abs(Math.sin(outer.angle - inner.angle)) < 1e-12;
  if (!sameShape) return false;
  const c = toLocal(outer, { x: inner.cx, y: inner.cy });
  return Math.hypot(c.x / outer.rx, c.y / outer.ry) + 1 / k <= 1 + 1e-12;
}

/**
 * The next class of a nested chain: `e` scaled by k > 1 about its centre, then moved
 * toward `toward` by `use` (0…1) of the room the scaling leaves, so the result still
 * contains `e` (see `homotheticContains`).
 */
export function growNested(e: Ellipse, k: number, toward: Point, use: number): Ellipse {
  const rx = e.rx * k;
  const ry = e.ry * k;
  const dir = toLocal(e, toward);
  // In the grown ellipse's normalised frame the centre may move by at most 1 − 1/k.
  const nx = dir.x / rx;
  const ny = dir.y / ry;
  const len = Math.hypot(nx, ny);
  if (len === 0) return { ...e, rx, ry };
  const room = Math.min(len, (1 - 1 / k) * use);
  const local = { x: (nx / len) * room * rx, y: (ny / len) * room * ry };
  const c = toWorld(e, local);
  return { cx: c.x, cy: c.y, rx, ry, angle: e.angle };
}
