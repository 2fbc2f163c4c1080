/**
 * The stepper's step list: ResNet-18 as a tree a student walks like a debugger walks
 * code. Top level: the input, b1 … b5, pooling, flatten, linear. Inside a stage: its
 * operations (b1) or its residual blocks (b2 … b5); inside a block: conv1 → bn1 → relu →
 * conv2 → bn2 → [conv3] → + → relu. A group's tensor is its last operation's output.
 */
import type { NodeInfo, OpKind } from '../../model/types';

export type StepKind = 'stage' | 'block' | 'op';

/** One position of the stepper. Its id is what the URL's `step` holds. */
export interface StepItem {
  /** `b3`, `b3.0`, `b3.0.conv3`, `input`, `linear`… */
  readonly id: string;
  readonly kind: StepKind;
  /** The node whose output this step shows (a group's last operation). */
  readonly node: NodeInfo;
  readonly parent?: string;
  readonly children: readonly string[];
  /** Position of `node` in execution order, so "has the code passed this line" is a comparison. */
  readonly order: number;
}

function groupOf(n: NodeInfo): { stage?: string; block?: string } {
  if (n.stage === 'input' || n.stage === 'head') return {};
  if (n.block === undefined) return { stage: n.stage };
  return { stage: n.stage, block: `${n.stage}.${n.block}` };
}

/** The tree of steps for one network, with debugger-style moves between them. */
export class StepList {
  private readonly items = new Map<string, StepItem>();
  /** Top-level ids in order. */
  readonly top: readonly string[];
  /** Every operation (leaf) in execution order, the input first. */
  readonly ops: readonly string[];

  constructor(nodes: readonly NodeInfo[]) {
    const top: string[] = [];
    const children = new Map<string, string[]>();
    const lastNode = new Map<string, NodeInfo>();
    const add = (id: string, parent: string | undefined) => {
      if (children.has(id)) return;
      children.set(id, []);
      if (parent) (children.get(parent) as string[]).push(id);
      else top.push(id);
    };
    for (const n of nodes) {
      const { stage, block } = groupOf(n);
      if (stage) add(stage, undefined);
      if (block) add(block, stage);
      add(n.path, block ?? stage);
      if (stage) lastNode.set(stage, n);
      if (block) lastNode.set(block, n);
    }
    const order = new Map(nodes.map((n, i) => [n.path, i]));
    const parentOf = new Map<string, string>();
    for (const [id, kids] of children) for (const k of kids) parentOf.set(k, id);
    for (const [id, kids] of children) {
      const leaf = nodes.find((n) => n.path === id);
      const node = leaf ?? (lastNode.get(id) as NodeInfo);
      const kind: StepKind = leaf ? 'op' : id.includes('.') ? 'block' : 'stage';
      const parent = parentOf.get(id);
      this.items.set(id, {
        id,
        kind,
        node,
        children: kids,
        order: order.get(node.path) as number,
        ...(parent ? { parent } : {}),
      });
    }
    this.top = top;
    this.ops = nodes.map((n) => n.path);
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  get(id: string): StepItem {
    const item = this.items.get(id);
    if (!item) throw new Error(`There is no step "${id}" in ResNet-18`);
    return item;
  }

  /** The step for an id from a link, or the first step when the id is unknown. */
  resolve(id: string): StepItem {
    return this.items.get(id) ?? this.get(this.first());
  }

  private siblings(id: string): readonly string[] {
    const p = this.get(id).parent;
    return p ? this.get(p).children : this.top;
  }

  first(): string {
    return this.top[0] as string;
  }

  last(): string {
    return this.top[this.top.length - 1] as string;
  }

  /** Step over: the next step at this level; after a group's last child, the step after the group. */
  next(id: string): string {
    const sibs = this.siblings(id);
    const i = sibs.indexOf(id);
    if (i < sibs.length - 1) return sibs[i + 1] as string;
    const p = this.get(id).parent;
    return p ? this.next(p) : id;
  }

  /** The previous step at this level; before a group's first child, the group itself. */
  previous(id: string): string {
    const sibs = this.siblings(id);
    const i = sibs.indexOf(id);
    if (i > 0) return sibs[i - 1] as string;
    return this.get(id).parent ?? id;
  }

  /** Step into a group: its first child (an operation stays where it is). */
  into(id: string): string {
    return this.get(id).children[0] ?? id;
  }

  /** Step out: the enclosing group (the top level stays where it is). */
  out(id: string): string {
    return this.get(id).parent ?? id;
  }

  /** The next operation in execution order, stepping into every group (what "play" walks). */
  nextOp(id: string): string {
    return (this.ops[this.get(id).order + 1] ?? id) as string;
  }

  /** The previous operation in execution order. */
  previousOp(id: string): string {
    return (this.ops[this.get(id).order - 1] ?? id) as string;
  }

  /** Learned parameters of a step: an operation's own, or the sum over a group. */
  paramCount(id: string): number {
    const item = this.get(id);
    if (item.kind === 'op') return item.node.params.paramCount;
    return item.children.reduce((sum, c) => sum + this.paramCount(c), 0);
  }

  /** Multiply-adds and output bytes of a step: an operation's own, or the sums over a group's operations. */
  costOf(id: string): { multiplyAdds: number; bytes: number } {
    const item = this.get(id);
    if (item.kind === 'op') return { multiplyAdds: item.node.multiplyAdds, bytes: item.node.bytes };
    return item.children.reduce(
      (sum, c) => {
        const k = this.costOf(c);
        return { multiplyAdds: sum.multiplyAdds + k.multiplyAdds, bytes: sum.bytes + k.bytes };
      },
      { multiplyAdds: 0, bytes: 0 },
    );
  }

  /** The path from the top to a step: [`b3`, `b3.0`, `b3.0.conv3`]. */
  ancestry(id: string): StepItem[] {
    const out: StepItem[] = [];
    for (let cur: string | undefined = id; cur; cur = this.get(cur).parent) out.unshift(this.get(cur));
    return out;
  }

  /** Every step, parents before children, in execution order. */
  all(): StepItem[] {
    const out: StepItem[] = [];
    const walk = (ids: readonly string[]) => {
      for (const id of ids) {
        out.push(this.get(id));
        walk(this.get(id).children);
      }
    };
    walk(this.top);
    return out;
  }
}

/** Which explanation a step gets: one per kind of operation, plus the 1×1 shortcut, stages and blocks. */
export type ExplanationKey = OpKind | 'shortcut' | 'stage' | 'block' | 'relu2';

export function explanationKey(item: StepItem): ExplanationKey {
  if (item.kind !== 'op') return item.kind;
  if (item.node.line === 'fwd.shortcut') return 'shortcut';
  if (item.id.endsWith('.relu2')) return 'relu2';
  return item.node.op;
}
