/**
 * Layout of the ResNet-18 diagram (the seed's figure ResNet18.png): an overview row
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

/** The seed's shape notation: `(1, 64, 56, 56)`. */
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
): DiagramBox[] {
  const n = nodes.length;
  const w = Math.min(maxW, (width - GAP * (n - 1)) / n);
  const used = n * w + GAP * (n - 1);
  const start = x0 + (width - used) / 2;
  return nodes.map((node, i) => ({
    node,
    x: start + i * (w + GAP),
    y,
    w,
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
export function layoutArchitecture(input: DiagramInput, width: number, textScale = 1): DiagramLayout {
  const k = textScale;
  const { skipGap, rowH, detailY, minHeight } = measures(k);
  const overview = row(input.overview, 0, width, 0, rowH, input, 170 * k);
  const edges: DiagramEdge[] = chainEdges(overview);
  const labels: DiagramLayout['labels'][number][] = [];
  const { detail } = input;
  let boxes: DiagramBox[] = [];
  let bottom = detailY;
  if (!detail) {
    // the head has nothing to open: keep the height so the page does not jump
  } else if (detail.kind === 'block') {
    const main = detail.nodes.filter((n) => !n.shortcut);
    const conv3 = detail.nodes.find((n) => n.shortcut);
    const left = 36;
    const addW = 44 * k;
    boxes = row(main, left, width - left, detailY, rowH, input, 190 * k).map((b) =>
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
    const inner = Math.min(width, detail.nodes.length * 220 * k);
    boxes = row(detail.nodes, (width - inner) / 2, inner, detailY, rowH, input, 190 * k);
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
