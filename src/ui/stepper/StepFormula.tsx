/** The formula of the current step, typeset: a window's output size with its numbers, batch norm, the addition. */
import { useTranslation } from 'react-i18next';
import {
  ADDITION_TEX,
  BATCH_NORM_STACKED_TEX,
  BATCH_NORM_TEX,
  outputSizeStackedTex,
  outputSizeTex,
  type WindowArithmetic,
} from '../../explain/formulas';
import type { StepItem } from '../../explain/stepper/steps';
import { Formula } from '../Formula';

export function StepFormula({ item, arithmetic }: { item: StepItem; arithmetic?: WindowArithmetic }) {
  const { t } = useTranslation();
  if (item.kind !== 'op') return null;
  const shown =
    arithmetic !== undefined
      ? { tex: outputSizeTex(arithmetic), stackedTex: outputSizeStackedTex(arithmetic), label: t('formula.outputSize') }
      : item.node.op === 'batchnorm'
        ? { tex: BATCH_NORM_TEX, stackedTex: BATCH_NORM_STACKED_TEX, label: t('formula.batchNorm') }
        : item.node.op === 'add'
          ? { tex: ADDITION_TEX, label: t('formula.addition') }
          : undefined;
  return shown ? <Formula display {...shown} /> : null;
}
