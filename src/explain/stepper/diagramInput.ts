/**
 * What the architecture diagram shows for the current step: the overview row and the group
 * the lower row opens (the block or stage we are in; b1 for the input, the head for its
 * layers), as plain data for src/viz/architectureDiagram.ts to lay out.
 */
import type { DiagramInput, DiagramNode } from '../../model/types';
import { stepName } from './labels';
import type { StepItem, StepList } from './steps';

function diagramNode(steps: StepList, item: StepItem, blockName: (i: number) => string): DiagramNode {
  return {
    id: item.id,
    label: item.kind === 'block' ? blockName(item.node.block ?? 0) : item.id.endsWith('.add') ? '+' : stepName(item),
    shape: item.node.shape,
    params: steps.paramCount(item.id),
    op: item.node.op,
    multiplyAdds: steps.costOf(item.id).multiplyAdds,
    bytes: item.node.bytes,
    ...(item.node.line === 'fwd.shortcut' ? { shortcut: true } : {}),
  };
}

/** Which group the lower row opens: the block or stage we are in (b1 for the input, the head for its layers). */
export function diagramInput(steps: StepList, current: string, blockName: (i: number) => string): DiagramInput {
  const ancestry = steps.ancestry(current);
  const top = ancestry[0] as StepItem;
  const node = (item: StepItem) => diagramNode(steps, item, blockName);
  let detail: DiagramInput['detail'];
  const block = ancestry.find((a) => a.kind === 'block');
  if (block) {
    detail = { kind: 'block', parentId: top.id, nodes: block.children.map((c) => node(steps.get(c))) };
  } else if (top.kind === 'stage') {
    detail = {
      kind: top.id === 'b1' ? 'chain' : 'blocks',
      parentId: top.id,
      nodes: top.children.map((c) => node(steps.get(c))),
    };
  } else if (top.id === 'input') {
    detail = { kind: 'chain', parentId: 'b1', nodes: steps.get('b1').children.map((c) => node(steps.get(c))) };
  } else {
    // the head opened up: the same three layers, larger (they are buttons in the overview already)
    detail = {
      kind: 'chain',
      parentId: '',
      nodes: steps.top
        .filter((id) => steps.get(id).node.stage === 'head')
        .map((id) => ({ ...node(steps.get(id)), mirror: true })),
    };
  }
  return {
    overview: steps.top.map((id) => node(steps.get(id))),
    detail,
    current,
    ancestors: ancestry.map((a) => a.id),
  };
}
