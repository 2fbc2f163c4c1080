/**
 * Layout of the notebook's block diagrams (ResNet2.png, ResNet3.png) as plain data: boxes
 * for the layers on the main path, the shortcut over them (none, identity, or a 1×1
 * convolution), the addition, and a dashed frame around the part that learns. Pure:
 * React draws the SVG from it; d3 only builds the path strings.
 */
import { path as d3path } from 'd3';
import type { BlockPath } from '../model/types';

/** `regular`: no shortcut (ResNet2.png, left); `identity`: X added as is; `conv1x1`: X through conv3 first. */
export type BlockVariant = 'regular' | 'identity' | 'conv1x1';

export type DiagramNodeKind = 'tensor' | 'layer' | 'add';

export interface DiagramNode {
  /** `input`, a layer of the block (named by its `BlockPath`), `output`. */
  readonly id: string;
  readonly kind: DiagramNodeKind;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  /** SVG path data. */
  readonly d: string;
  readonly shortcut: boolean;
}

export interface BlockDiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  /** The dashed frame around conv1 … bn2: the part that learns f(x) or g(x). */
  readonly learner: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  /** Baselines of a note under a node, of a second note under that, and of the frame's label. */
  readonly noteY: number;
  readonly note2Y: number;
  readonly learnerLabelY: number;
}

export interface BlockDiagramOptions {
  /** Width of a layer box. */
  readonly box?: number;
  /** Gap between boxes (arrows run in it). */
  readonly gap?: number;
  /** Leave room for notes (e.g. shapes) under the nodes. */
  readonly notes?: boolean;
  /** The longest note's width in monospace columns (`textColumns`): neighbours' notes are kept apart. */
  readonly noteColumns?: number;
  /**
   * The page's text scale (src/viz/textScale.ts): rows, and boxes too narrow for a layer's
   * name, grow with it. 1 when absent.
   */
  readonly textScale?: number;
}

/** A box's width that holds a five-letter layer name (`conv1`) in the diagram's 13 px type. */
const NAME_ROOM = 51;
/** Width of one monospace column of a note (11 px type), and the space kept between two notes. */
const NOTE_COLUMN = 0.6 * 11;
const NOTE_SPACE = 8;

/** How many monospace columns a text takes: a wide (CJK) character takes two. */
export function textColumns(s: string): number {
  return [...s].reduce((n, c) => n + ((c.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
}

/** The block drawn left to right, with the shortcut arching above the layers; `names` says its layers (src/model/blocks.ts). */
export function blockDiagramLayout(
  variant: BlockVariant,
  names: BlockPath,
  opts: BlockDiagramOptions = {},
): BlockDiagramLayout {
  const k = opts.textScale ?? 1;
  const box = Math.max(opts.box ?? 64, NAME_ROOM * k);
  const h = 40 * k;
  const addSide = 30 * k;
  const tensorW = 44 * k;
  // the narrowest neighbours (a tensor beside a layer) hold two notes side by side
  const noteRoom = opts.notes && opts.noteColumns ? (opts.noteColumns * NOTE_COLUMN + NOTE_SPACE) * k : 0;
  const gap = Math.max(opts.gap ?? 22, noteRoom - tensorW / 2 - box / 2);
  const pad = 8;
  // the first and last tensors' notes are wider than their boxes: keep them inside the picture
  const padX = Math.max(pad, noteRoom / 2 - tensorW / 2);
  const shortcutY = pad + 30 * k; // room for a note above conv3
  const mainY = shortcutY + 56 * k;
  const nodes: DiagramNode[] = [];
  let x = padX;
  const push = (id: string, kind: DiagramNodeKind, w: number) => {
    const y = mainY + (h - (kind === 'add' ? addSide : h)) / 2;
    nodes.push({ id, kind, x, y, w, h: kind === 'add' ? addSide : h });
    x += w + gap;
  };
  push('input', 'tensor', tensorW);
  for (const id of names.main) push(id, 'layer', box);
  if (variant !== 'regular') push(names.add, 'add', addSide);
  push(names.out, 'layer', box);
  push('output', 'tensor', tensorW);
  const width = x - gap + padX;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const at = (id: string) => byId.get(id) as DiagramNode;
  const edges: DiagramEdge[] = [];
  const straight = (a: DiagramNode, b: DiagramNode) => {
    const p = d3path();
    p.moveTo(a.x + a.w, mainY + h / 2);
    p.lineTo(b.x, mainY + h / 2);
    return p.toString();
  };
  for (let i = 0; i + 1 < nodes.length; i++) {
    const a = nodes[i] as DiagramNode;
    const b = nodes[i + 1] as DiagramNode;
    edges.push({ from: a.id, to: b.id, d: straight(a, b), shortcut: false });
  }
  if (variant !== 'regular') {
    const input = at('input');
    const add = at(names.add);
    const sx = input.x + input.w / 2;
    const ex = add.x + add.w / 2;
    if (variant === 'conv1x1') {
      const c2 = at(names.lastConv);
      const conv3: DiagramNode = {
        id: names.shortcut,
        kind: 'layer',
        x: c2.x,
        y: shortcutY - h / 2 + 4 * k,
        w: box,
        h: h - 8 * k,
      };
      nodes.push(conv3);
      const p1 = d3path();
      p1.moveTo(sx, input.y);
      p1.lineTo(sx, shortcutY);
      p1.lineTo(conv3.x, shortcutY);
      edges.push({ from: 'input', to: conv3.id, d: p1.toString(), shortcut: true });
      const p2 = d3path();
      p2.moveTo(conv3.x + conv3.w, shortcutY);
      p2.lineTo(ex, shortcutY);
      p2.lineTo(ex, add.y);
      edges.push({ from: conv3.id, to: add.id, d: p2.toString(), shortcut: true });
    } else {
      const p = d3path();
      p.moveTo(sx, input.y);
      p.lineTo(sx, shortcutY);
      p.lineTo(ex, shortcutY);
      p.lineTo(ex, add.y);
      edges.push({ from: 'input', to: add.id, d: p.toString(), shortcut: true });
    }
  }
  const first = at(names.main[0] as string);
  const last = at(names.main.at(-1) as string);
  const learner = {
    x: first.x - gap / 2 + 2,
    y: mainY - 10 * k,
    w: last.x + last.w - first.x + gap - 4,
    h: h + 20 * k,
  };
  const noteY = mainY + h + 26 * k;
  const learnerLabelY = opts.notes ? noteY + 34 * k : learner.y + learner.h + 16 * k;
  return {
    width,
    height: learnerLabelY + 10 * k,
    nodes,
    edges,
    learner,
    noteY,
    note2Y: noteY + 16 * k,
    learnerLabelY,
  };
}
