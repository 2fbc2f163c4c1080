/**
 * The notebook's first figure (ResNet.png) as data: two panels of function classes F1…F6
 * and the truth f*. Left, non-nested: the classes grow but drift, so a larger class
 * can be farther from f*. Right, nested: F1 ⊂ F2 ⊂ … ⊂ F6, so the best approximation
 * can only get closer. Coordinates are the figure's own units (x right, y down).
 */
import {
  distanceToEllipse,
  ellipseArea,
  ellipsePointAt,
  growNested,
  nearestPointInEllipse,
  type Ellipse,
  type Point,
} from './ellipse';

export type PanelKind = 'nonNested' | 'nested';
export const PANELS: readonly PanelKind[] = ['nonNested', 'nested'];

/** The figure's coordinate box: every region and every position of f* lie in it. */
export const FIGURE_BOX = { width: 120, height: 80 } as const;

/** Number of classes F1…F6. */
export const CLASS_COUNT = 6;

/** Where f* starts: a place where the non-nested panel shows the notebook's point. */
export const DEFAULT_TRUTH: Point = { x: 84, y: 24 };

const deg = (d: number) => (d * Math.PI) / 180;

/** Non-nested classes: each larger than the one before, but wandering about. */
export const NON_NESTED: readonly Ellipse[] = [
  { cx: 20, cy: 56, rx: 9, ry: 6, angle: deg(-25) },
  { cx: 38, cy: 44, rx: 12, ry: 7.5, angle: deg(-35) },
  { cx: 62, cy: 33, rx: 14, ry: 9, angle: deg(-30) },
  { cx: 52, cy: 56, rx: 19, ry: 10, angle: deg(-5) },
  { cx: 40, cy: 40, rx: 22, ry: 12.5, angle: deg(30) },
  { cx: 66, cy: 60, rx: 32, ry: 13, angle: deg(-8) },
];

/**
 * Nested classes, built so that each contains the one before: F1 grown by a factor
 * and moved toward the top right (see `growNested`).
 */
export const NESTED: readonly Ellipse[] = nestedChain(
  { cx: 26, cy: 56, rx: 9, ry: 6, angle: deg(-25) },
  [1.45, 1.4, 1.35, 1.3, 1.3],
  { x: 100, y: 10 },
  0.9,
);

/** A nested chain: `first`, then each grown by the next factor toward `toward`. */
export function nestedChain(first: Ellipse, factors: readonly number[], toward: Point, use: number): Ellipse[] {
  const chain = [first];
  for (const k of factors) chain.push(growNested(chain[chain.length - 1]!, k, toward, use));
  return chain;
}

/** The regions of a panel. */
export function panelRegions(panel: PanelKind): readonly Ellipse[] {
  return panel === 'nested' ? NESTED : NON_NESTED;
}

/** One class's best approximation of f*: the nearest point f*_F and its distance. */
export interface BestFit {
  readonly point: Point;
  readonly distance: number;
}

/** The best approximation of `truth` in each class of a list. */
export function bestFits(regions: readonly Ellipse[], truth: Point): BestFit[] {
  return regions.map((e) => ({ point: nearestPointInEllipse(e, truth), distance: distanceToEllipse(e, truth) }));
}

/** Areas of a list of regions, for checking that each class is larger. */
export function regionAreas(regions: readonly Ellipse[]): number[] {
  return regions.map(ellipseArea);
}

/** Keep f* inside the figure's box. */
export function clampToFigure(p: Point, margin = 3): Point {
  return {
    x: Math.min(FIGURE_BOX.width - margin, Math.max(margin, p.x)),
    y: Math.min(FIGURE_BOX.height - margin, Math.max(margin, p.y)),
  };
}

/** Move f* by one arrow-key press (`big` for Shift+arrow). */
export function nudgeTruth(p: Point, key: string, big: boolean): Point | undefined {
  const d = big ? 5 : 1;
  const moves: Record<string, Point> = {
    ArrowLeft: { x: -d, y: 0 },
    ArrowRight: { x: d, y: 0 },
    ArrowUp: { x: 0, y: -d },
    ArrowDown: { x: 0, y: d },
  };
  const m = moves[key];
  return m ? clampToFigure({ x: p.x + m.x, y: p.y + m.y }) : undefined;
}

/**
 * Where a region's name goes: just inside its edge, at the point farthest along
 * `toward` (a direction). Non-nested classes are labelled at their lower left; nested
 * ones at their top, where consecutive edges stay apart as the chain grows.
 */
export function labelAnchor(e: Ellipse, toward: Point, inset = 3.2): Point {
  const score = (p: Point) => p.x * toward.x + p.y * toward.y;
  let best = ellipsePointAt(e, 0);
  for (let k = 1; k < 72; k++) {
    const p = ellipsePointAt(e, (k * 2 * Math.PI) / 72);
    if (score(p) > score(best)) best = p;
  }
  const dx = e.cx - best.x;
  const dy = e.cy - best.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: best.x + (dx / len) * inset, y: best.y + (dy / len) * inset };
}

/** The direction in which a panel's labels sit (see `labelAnchor`). */
export const LABEL_DIRECTION: Record<PanelKind, Point> = { nonNested: { x: -1, y: 1 }, nested: { x: -0.45, y: -1 } };
