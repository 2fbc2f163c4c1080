/**
 * Numbers the lesson's captions quote, computed from the architecture (never typed into the
 * strings of src/i18n/lesson.ts): the stages' channels and the feature maps' sides down the
 * diagram, for the notebook's ResNet-18 on its `torch.rand(size=(1, 1, 224, 224))`.
 */
import { archNodes } from '../../model/architecture';
import type { NodeInfo } from '../../model/types';
import { RESNET18 } from '../../model/variants';

/** The notebook's input side (its `X = torch.rand(size=(1, 1, 224, 224))`). */
export const NOTEBOOK_SIDE = 224;

export interface StageFigures {
  /** Output channels of the residual stages b2 … b5. */
  readonly widths: readonly number[];
  /** The side of each stage's output down the diagram: b1, then b2 … b5. */
  readonly sides: readonly number[];
}

/** The stages' figures read from a network's nodes: each stage's last node's shape. */
export function stageFigures(nodes: readonly NodeInfo[]): StageFigures {
  const outputs = ['b1', 'b2', 'b3', 'b4', 'b5'].map((stage) => nodes.filter((n) => n.stage === stage).at(-1)?.shape);
  const found = outputs.filter((s): s is readonly number[] => s !== undefined);
  return { widths: found.slice(1).map((s) => s[1] as number), sides: found.map((s) => s[2] as number) };
}

let notebook: StageFigures | undefined;
/** The notebook's ResNet-18 on its input, computed once. */
function notebookFigures(): StageFigures {
  notebook ??= stageFigures(archNodes(RESNET18, [1, 1, NOTEBOOK_SIDE, NOTEBOOK_SIDE]));
  return notebook;
}

/**
 * The values a stop's caption and task interpolate (`{{widths}}`, `{{sides}}`), joined the
 * language's way (`separator`: `, ` or `、`); `nodes` is the notebook's ResNet-18 unless given.
 */
export function captionValues(separator: string, nodes?: readonly NodeInfo[]): Record<'widths' | 'sides', string> {
  const { widths, sides } = nodes ? stageFigures(nodes) : notebookFigures();
  return { widths: widths.join(separator), sides: sides.join(separator) };
}
