/**
 * Where to scroll so a lesson stop's outlined region sits in the room above the lesson bar:
 * the whole region when it fits; else its key element (the thing the caption and task talk
 * about) fully, with as much of the region above it as fits. Plain numbers, so it is tested
 * without a browser; the page measures the rectangles.
 */

/** A vertical extent, in viewport pixels (as `getBoundingClientRect` gives it). */
export interface Extent {
  readonly top: number;
  readonly bottom: number;
}

export interface ScrollInput {
  readonly scrollY: number;
  readonly viewportHeight: number;
  /** Height of the lesson bar at the bottom of the screen. */
  readonly barHeight: number;
  /** Height kept free at the top (a sticky toolbar), plus a small margin. */
  readonly topInset: number;
  readonly region: Extent;
  /** The key element; absent: the region itself. */
  readonly key?: Extent;
}

/** The `scrollY` to scroll to (never below 0). */
export function lessonScrollTarget(p: ScrollInput): number {
  const room = { top: p.topInset, bottom: p.viewportHeight - p.barHeight - 4 };
  const key = p.key ?? p.region;
  // scrolling by d moves every extent up by d
  let d = p.region.top - room.top; // the region's top at the top of the room
  if (key.bottom - d > room.bottom) d = key.bottom - room.bottom; // the key's bottom above the bar
  if (key.top - d < room.top) d = key.top - room.top; // but its top never under the toolbar
  return Math.max(0, Math.round(p.scrollY + d));
}
