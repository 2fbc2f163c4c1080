/** Which explanation a step gets in a variant: the notebook's, unless the variant's block works differently. */
import type { BlockKind } from '../../model';
import { explanationKey, type StepItem } from '../stepper/steps';

/** The i18n key of a step's explanation in a network built from `block`s. */
export function explanationFor(item: StepItem, block: BlockKind): string {
  const key = explanationKey(item);
  if (block === 'bottleneck' && (key === 'block' || key === 'shortcut')) return `network.explain.bottleneck.${key}`;
  if (block === 'preact' && (key === 'block' || key === 'add')) return `network.explain.preact.${key}`;
  return `stepper.explain.${key}`;
}
