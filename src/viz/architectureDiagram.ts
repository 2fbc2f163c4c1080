/**
 * Layout of the ResNet-18 diagram (the notebook's figure ResNet18.png): an overview row
 * (input, b1 … b5, pooling, flatten, linear) and, below it, the group the stepper is in,
 * opened up — b1's four operations, a stage's two residual blocks, or one block with its
 * main path, its skip connection (with the 1×1 conv3 when there is one) and the addition.
 * Pure: plain data in, boxes and SVG path strings out; React draws them.
 */
import { path as d3path } from 'd3';
import type { DiagramInput, DiagramNode, Shape } from '../model/types';

export type { DiagramInput, DiagramNode };

export interface DiagramBox {
  readonly node: DiagramNode;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly state: 'current' | 'ancestor' | 'other';
  /** The addition is drawn as a circle. */
  readonly round: boolean;
}

export interface DiagramEdge {
  readonly d: string;
  readonly kind: 'main' | 'skip' | 'zoom';
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly DiagramBox[];
  readonly edges: readonly DiagramEdge[];
  /** Where to write "skip connection" / "F(x)". */
  readonly labels: readonly { x: number; y: number; text: 'skip' | 'main' }[];
}

const GAP = 14;
/**
 * The vertical measures: rows grow with the text scale (src/viz/textScale.ts), so bigger
 * labels keep their room in the boxes; the gaps between rows do not, so the tensor below
 * the diagram stays on a projector's first screen.
 */
function measures(k: number) {
  const rowH = 56 * k;
  /** Distance from the main path's boxes down to the skip connection's lane (the 1×1 box sits on it). */
  const skipGap = Math.max(36, rowH / 2 + 8);
  const detailY = rowH + 30;
  /** The tallest case (a block with its 1×1 shortcut), so stepping never moves the page. */
  const minHeight = detailY + rowH + skipGap + rowH / 2 + 4;
  return { skipGap, rowH, detailY, minHeight };
}

/** Baselines of a box's three lines (name, shape, parameters) from its top, at text scale `k`. */
export function boxBaselines(k = 1): { readonly title: number; readonly shape: number; readonly params: number } {
  return { title: 18 * k, shape: 34 * k, params: 49 * k };
}

/** Whether a box's name is too long for its width at its normal size (it is drawn smaller). */
export function isLongLabel(label: string, boxWidth: number, k = 1): boolean {
  return label.length * 9 * k > boxWidth;
}

/**
 * Room kept free at the drawing's left and right edges: a box's border (up to 3 px wide when
 * focused) is drawn centred on its outline, so a box at x = 0 would lose half of it.
 */
export const EDGE = 3;

/**
 * Widths of the box texts per character at text scale 1, from the stylesheet
 * (src/ui/stepper/diagram.css): the shape in 12 px monospace (0.6 em a character), the name in
 * 14 px bold (11.5 px when long) and the parameters in 11 px (about 0.55 em a character).
 */
const SHAPE_CHAR = 7.2;
const TITLE_CHAR = 7.5; // a long name is drawn at 11.5 px bold: about 0.65 em a character
const PARAMS_CHAR = 6.2;
/** Space between a box's widest text and its border, both sides together. */
const BOX_PADDING = 10;

/** The narrowest box that holds this node's three lines of text at text scale `k`. */
export function minBoxWidth(node: DiagramNode, k = 1): number {
  if (node.op === 'add') return 0;
  const params = node.params > 0 ? node.params.toLocaleString('en-US').length + 7 : 0; // "… params"
  const text = Math.max(
    shapeLabel(node.shape).length * SHAPE_CHAR,
    node.label.length * TITLE_CHAR,
    params * PARAMS_CHAR,
  );
  return (text + BOX_PADDING) * k;
}

/** The width a row of these nodes needs so that every box holds its text. */
function rowNeeds(nodes: readonly DiagramNode[], k: number): number {
  return nodes.reduce((sum, n) => sum + minBoxWidth(n, k), 0) + GAP * (nodes.length - 1);
}

/**
 * Box widths for a row: all the same (`even`, at most `maxW`) where that holds every text; a box
 * whose text needs more gets its own width, and the others share what is left.
 */
function rowWidths(mins: readonly number[], room: number, maxW: number): number[] {
  let share = Math.min(maxW, room / Math.max(1, mins.length));
  for (let i = 0; i < 4; i++) {
    const wide = mins.filter((m) => m > share);
    const rest = mins.length - wide.length;
    if (rest === 0) break;
    share = Math.min(maxW, (room - wide.reduce((a, b) => a + b, 0)) / rest);
  }
  return mins.map((m) => Math.max(m, share));
}

/** The notebook's shape notation: `(1, 64, 56, 56)`. */
export function shapeLabel(shape: Shape): string {
  return `(${shape.join(', ')})`;
}

function arrow(x0: number, y0: number, x1: number, y1: number): string {
  const p = d3path();
  p.moveTo(x0, y0);
  p.lineTo(x1, y1);
  return p.toString();
}

function stateOf(id: string, input: DiagramInput): DiagramBox['state'] {
  if (id === input.current) return 'current';
  return input.ancestors.includes(id) ? 'ancestor' : 'other';
}

/** Boxes in a row, evenly spread over [x0, x0 + width]. */
function row(
  nodes: readonly DiagramNode[],
  x0: number,
  width: number,
  y: number,
  h: number,
  input: DiagramInput,
  maxW = 190,
  k = 0,
): DiagramBox[] {
  const n = nodes.length;
  // k = 0: no text to hold (sizes from the room alone)
  const ws = rowWidths(
    nodes.map((node) => (k > 0 ? minBoxWidth(node, k) : 0)),
    width - GAP * (n - 1),
    maxW,
  );
  const used = ws.reduce((a, b) => a + b, 0) + GAP * (n - 1);
  const start = x0 + (width - used) / 2;
  const xs = ws.map((_, i) => start + ws.slice(0, i).reduce((a, b) => a + b + GAP, 0));
  return nodes.map((node, i) => ({
    node,
    x: xs[i] as number,
    y,
    w: ws[i] as number,
    h,
    state: stateOf(node.id, input),
    round: false,
  }));
}

function chainEdges(boxes: readonly DiagramBox[]): DiagramEdge[] {
  return boxes.slice(1).map((b, i) => {
    const a = boxes[i] as DiagramBox;
    return { d: arrow(a.x + a.w, a.y + a.h / 2, b.x - 3, b.y + b.h / 2), kind: 'main' as const };
  });
}

/** A skip connection arching below boxes, from x0 to x1. */
function skipArc(x0: number, x1: number, yTop: number, depth: number): string {
  const p = d3path();
  p.moveTo(x0, yTop);
  p.lineTo(x0, yTop + depth - 8);
  p.quadraticCurveTo(x0, yTop + depth, x0 + 8, yTop + depth);
  p.lineTo(x1 - 8, yTop + depth);
  p.quadraticCurveTo(x1, yTop + depth, x1, yTop + depth - 8);
  p.lineTo(x1, yTop + 3);
  return p.toString();
}

/** Compute the whole diagram for a given width, with its text at the page's `textScale`. */
export function layoutArchitecture(input: DiagramInput, available: number, textScale = 1): DiagramLayout {
  const k = textScale;
  const { skipGap, rowH, detailY, minHeight } = measures(k);
  const { detail } = input;
  const left = 36;
  // every box holds its text: where a row needs more than the room given, the drawing is wider
  // (the page scales it down, or scrolls it)
  const detailNodes = detail?.nodes.filter((n) => !n.shortcut) ?? [];
  const width = Math.max(
    available,
    rowNeeds(input.overview, k) + 2 * EDGE,
    rowNeeds(detailNodes, k) + 2 * EDGE + (detail?.kind === 'block' ? left : 0),
  );
  const overview = row(input.overview, EDGE, width - 2 * EDGE, EDGE, rowH, input, 170 * k, k);
  const edges: DiagramEdge[] = chainEdges(overview);
  const labels: DiagramLayout['labels'][number][] = [];
  let boxes: DiagramBox[] = [];
  let bottom = detailY;
  if (!detail) {
    // the head has nothing to open: keep the height so the page does not jump
  } else if (detail.kind === 'block') {
    const main = detail.nodes.filter((n) => !n.shortcut);
    const conv3 = detail.nodes.find((n) => n.shortcut);
    const addW = 44 * k;
    boxes = row(main, left, width - left - EDGE, detailY, rowH, input, 190 * k, k).map((b) =>
      b.node.op === 'add' ? { ...b, x: b.x + b.w / 2 - addW / 2, w: addW, round: true } : b,
    );
    edges.push(...chainEdges(boxes));
    const first = boxes[0] as DiagramBox;
    // the block's input x arrives from the left and forks: main path and skip connection
    const fork = Math.max(18, first.x - 22);
    edges.push({ d: arrow(fork - 14, first.y + first.h / 2, first.x - 3, first.y + first.h / 2), kind: 'main' });
    const add = boxes.find((b) => b.node.op === 'add') as DiagramBox;
    const skipY = detailY + rowH + skipGap;
    const ax = add.x + add.w / 2;
    if (conv3) {
      const bn2 = boxes[boxes.indexOf(add) - 1] as DiagramBox;
      const box: DiagramBox = {
        node: conv3,
        x: bn2.x,
        y: skipY - rowH / 2,
        w: bn2.w,
        h: rowH,
        state: stateOf(conv3.id, input),
        round: false,
      };
      boxes.push(box);
      const p = d3path();
      p.moveTo(fork, first.y + first.h / 2);
      p.lineTo(fork, skipY);
      p.lineTo(box.x - 3, skipY);
      p.moveTo(box.x + box.w, skipY);
      p.lineTo(ax, skipY);
      p.lineTo(ax, add.y + add.h + 3);
      edges.push({ d: p.toString(), kind: 'skip' });
    } else {
      const p = d3path();
      p.moveTo(fork, first.y + first.h / 2);
      p.lineTo(fork, skipY);
      p.lineTo(ax, skipY);
      p.lineTo(ax, add.y + add.h + 3);
      edges.push({ d: p.toString(), kind: 'skip' });
    }
    labels.push({ x: fork + 8, y: skipY - 6, text: 'skip' });
    bottom = skipY + (conv3 ? rowH / 2 : 8) + 4;
  } else {
    const inner = Math.min(width - 2 * EDGE, detail.nodes.length * 220 * k);
    boxes = row(detail.nodes, (width - inner) / 2, inner, detailY, rowH, input, 190 * k, k);
    edges.push(...chainEdges(boxes));
    bottom = detailY + rowH + 4;
    if (detail.kind === 'blocks') {
      // each block's own skip connection, looping under it from its input side to its output side
      for (const b of boxes) edges.push({ d: skipArc(b.x + 16, b.x + b.w - 16, b.y + b.h, 18), kind: 'skip' });
      bottom += 22;
    }
  }
  // the overview box that the lower row opens up
  const parent = detail && overview.find((b) => b.node.id === detail.parentId);
  if (parent) {
    const p = d3path();
    p.moveTo(parent.x, parent.y + parent.h + 2);
    p.lineTo(0, detailY - 10);
    p.moveTo(parent.x + parent.w, parent.y + parent.h + 2);
    p.lineTo(width, detailY - 10);
    edges.push({ d: p.toString(), kind: 'zoom' });
  }
  return { width, height: Math.max(bottom, minHeight), boxes: [...overview, ...boxes], edges, labels };
}
