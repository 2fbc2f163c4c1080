/**
 * The block's arithmetic with the numbers filled in: each layer's output size
 * ⌊(H + 2p − k)/s⌋ + 1 and its parameter count, as rows the page prints.
 */
import { convOutputSize, convParamCount } from '../../model/architecture';
import type { BlockArgs } from './types';

export interface ArithmeticRow {
  readonly layer: 'conv1' | 'bn1' | 'conv2' | 'bn2' | 'conv3';
  /** `nn.Conv2d(3, 6, kernel_size=3, padding=1, stride=2)` */
  readonly module: string;
  /** `⌊(6 + 2·1 − 3)/2⌋ + 1 = 3`, for height (and width when it differs); empty for batch norms. */
  readonly size: readonly string[];
  /** `6·3·3·3 + 6 = 168` */
  readonly params: string;
  readonly paramCount: number;
}

function sizeFormula(v: number, k: number, s: number, p: number): string {
  return `⌊(${v} + 2·${p} − ${k})/${s}⌋ + 1 = ${convOutputSize(v, k, s, p)}`;
}

function convRow(
  layer: ArithmeticRow['layer'],
  ci: number,
  co: number,
  k: number,
  s: number,
  p: number,
  h: number,
  w: number,
): ArithmeticRow {
  const module = `nn.Conv2d(${ci}, ${co}, kernel_size=${k}${p ? `, padding=${p}` : ''}${s !== 1 ? `, stride=${s}` : ''})`;
  const size = h === w ? [sizeFormula(h, k, s, p)] : [sizeFormula(h, k, s, p), sizeFormula(w, k, s, p)];
  const paramCount = convParamCount(ci, co, k);
  return {
    layer,
    module,
    size,
    params: `${co}·${ci}·${k}·${k} + ${co} = ${paramCount.toLocaleString('en-US')}`,
    paramCount,
  };
}

function bnRow(layer: 'bn1' | 'bn2', c: number): ArithmeticRow {
  return { layer, module: `nn.BatchNorm2d(${c})`, size: [], params: `2·${c} = ${2 * c}`, paramCount: 2 * c };
}

/** Rows for a block whose arguments and input height/width PyTorch accepts. */
export function blockArithmetic(a: BlockArgs, h: number, w: number): ArithmeticRow[] {
  const { inputChannels: ci, numChannels: co, strides: s } = a;
  const h1 = convOutputSize(h, 3, s, 1);
  const w1 = convOutputSize(w, 3, s, 1);
  const rows = [
    convRow('conv1', ci, co, 3, s, 1, h, w),
    bnRow('bn1', co),
    convRow('conv2', co, co, 3, 1, 1, h1, w1),
    bnRow('bn2', co),
  ];
  if (a.use1x1conv) rows.push(convRow('conv3', ci, co, 1, s, 0, h, w));
  return rows;
}

/** Learned parameters of the whole block. */
export function blockParamCount(a: BlockArgs, h: number, w: number): number {
  return blockArithmetic(a, h, w).reduce((sum, r) => sum + r.paramCount, 0);
}
