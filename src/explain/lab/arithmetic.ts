/**
 * The block's arithmetic with the numbers filled in: each layer's output size
 * ⌊(H + 2p − k)/s⌋ + 1 and its parameter count, as rows the page prints.
 */
import { convOutputSize, convParamCount } from '../../model/architecture';
import { blockLayers, type BlockLayerName, type ConvSpec } from '../../model/blocks';
import type { BlockArgs } from './types';

export interface ArithmeticRow {
  /** A layer with learned parameters (`conv1`, `bn1`…). */
  readonly layer: BlockLayerName;
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

function convRow(layer: BlockLayerName, spec: ConvSpec, h: number, w: number): ArithmeticRow {
  const { inChannels: ci, outChannels: co, kernel: k, stride: s, padding: p } = spec;
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

function bnRow(layer: BlockLayerName, c: number): ArithmeticRow {
  return { layer, module: `nn.BatchNorm2d(${c})`, size: [], params: `2·${c} = ${2 * c}`, paramCount: 2 * c };
}

/**
 * Rows for a block whose arguments and input height/width PyTorch accepts: its layers with
 * weights in forward order (the block's description, src/model/blocks.ts), each convolution
 * at the height and width of what it reads.
 */
export function blockArithmetic(a: BlockArgs, h: number, w: number): ArithmeticRow[] {
  const sizes = new Map<string, readonly [number, number]>([['X', [h, w]]]);
  const rows: ArithmeticRow[] = [];
  for (const l of blockLayers({ ...a, kind: 'basic' })) {
    const [ih, iw] = sizes.get(l.inputs[0] as string) as readonly [number, number];
    const c = l.conv;
    sizes.set(
      l.name,
      c
        ? [convOutputSize(ih, c.kernel, c.stride, c.padding), convOutputSize(iw, c.kernel, c.stride, c.padding)]
        : [ih, iw],
    );
    if (c) rows.push(convRow(l.name, c, ih, iw));
    else if (l.channels !== undefined) rows.push(bnRow(l.name, l.channels));
  }
  return rows;
}

/** Learned parameters of the whole block. */
export function blockParamCount(a: BlockArgs, h: number, w: number): number {
  return blockArithmetic(a, h, w).reduce((sum, r) => sum + r.paramCount, 0);
}
