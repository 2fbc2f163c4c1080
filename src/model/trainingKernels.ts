/**
 * The kernels a training step needs that tfjs's WASM backend lacks, built from its own fast
 * kernels. tfjs 4.22's WASM backend has forward convolutions (XNNPACK), `Conv2DBackpropInput`
 * and `Conv3DBackpropFilterV2`, but no `Conv2DBackpropFilter`, so a convolution's weight
 * gradient could not be computed there and no CNN trained on WASM.
 *
 * The filter gradient is itself a convolution: dW[i, j, c, o] = Σ_{n,y,x} xp[n, s·y + i, s·x + j, c]
 * · dy[n, y, x, o], with xp the padded input and s the stride. Read with the input's channels as
 * the batch and its images as the channels, it is a forward convolution of x (C, H, W, N) by dy
 * (OH, OW, N, O) with dilation s, whose output (C, kh, kw, O) is cropped to the kernel size and
 * transposed. Measured here (Node, one thread, batch 32–64, the race's shapes), it takes 2–18 ms
 * where tfjs's `Conv3DBackpropFilterV2` at depth 1 on the padded input takes 3–224 ms (3–15×
 * slower at stride 1) and one matrix product of the input's k·k shifted views by dy takes 21–256 ms
 * (tfjs's WASM BatchMatMul with a transposed operand is a plain loop). The 3-D way is kept, behind
 * `setFilterGradientMethod`, so the bench can show the comparison again.
 *
 * `registerWasmTrainingKernels` is called by the WASM backend's loaders (the page's and Node's),
 * so the race, the function-classes experiment and the tests all train with the same kernels.
 */
import * as tf from '@tensorflow/tfjs-core';
import { backend_util, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';

/** How the WASM backend computes a convolution's filter gradient. */
export type FilterGradientMethod = 'conv2d' | 'conv3d';

/** The part of tfjs's WASM backend these kernels use (its type is not exported for this). */
interface WasmBackendLike {
  disposeData(dataId: object): void;
}

type Kernel = (inputs: Record<string, TensorInfo>, attrs: Record<string, unknown>) => TensorInfo;

function kernelOf(name: string, backend: WasmBackendLike): Kernel {
  const k = tf.getKernel(name, 'wasm');
  if (!k) throw new Error(`the WASM backend has no ${name} kernel`);
  return (inputs, attrs) =>
    k.kernelFunc({ inputs, attrs: attrs as tf.NamedAttrMap, backend: backend as never }) as TensorInfo;
}

interface FilterGradientArgs {
  readonly x: TensorInfo;
  readonly dy: TensorInfo;
  readonly filterShape: [number, number, number, number];
  readonly info: backend_util.Conv2DInfo;
  readonly backend: WasmBackendLike;
}

/** The filter gradient as a forward convolution with dilation = stride (see the module's comment). */
function filterGradientByConv2d({ x, dy, filterShape, info, backend }: FilterGradientArgs): TensorInfo {
  const [kh, kw] = filterShape;
  const { strideHeight: sh, strideWidth: sw, inHeight, inWidth, outHeight, outWidth } = info;
  const { top, left } = info.padInfo;
  const run = (name: string, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown>) =>
    kernelOf(name, backend)(inputs, attrs);
  const temps: TensorInfo[] = [];
  try {
    const xT = run('Transpose', { x }, { perm: [3, 1, 2, 0] }); // (C, H, W, N)
    temps.push(xT);
    const dyT = run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] }); // (OH, OW, N, O)
    temps.push(dyT);
    // the padding after the input that makes the output exactly kh × kw; where it would be
    // negative (a 1×1 kernel with stride 2 over an even side) the output is cropped instead
    const bottom = kh + (outHeight - 1) * sh - inHeight - top;
    const right = kw + (outWidth - 1) * sw - inWidth - left;
    const pad = [
      [0, 0],
      [top, Math.max(0, bottom)],
      [left, Math.max(0, right)],
      [0, 0],
    ];
    let g = run(
      'Conv2D',
      { x: xT, filter: dyT },
      { strides: [1, 1], pad, dilations: [sh, sw], dataFormat: 'NHWC', dimRoundingMode: undefined },
    );
    if (bottom < 0 || right < 0) {
      temps.push(g);
      g = run('Slice', { x: g }, { begin: [0, 0, 0, 0], size: [g.shape[0]!, kh, kw, g.shape[3]!] });
    }
    temps.push(g);
    return run('Transpose', { x: g }, { perm: [1, 2, 0, 3] }); // (kh, kw, C, O)
  } finally {
    for (const t of temps) backend.disposeData(t.dataId);
  }
}

/** The filter gradient by tfjs's 3-D kernel at depth 1, on an explicitly padded input, 'valid'. */
function filterGradientByConv3d({ x, dy, filterShape, info, backend }: FilterGradientArgs): TensorInfo {
  const run = (name: string, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown>) =>
    kernelOf(name, backend)(inputs, attrs);
  const [kh, kw, ci, co] = filterShape;
  const { strideHeight: sh, strideWidth: sw, inHeight, inWidth, outHeight, outWidth, batchSize } = info;
  const { top, left } = info.padInfo;
  // only the rows and columns the convolution reads: the padded input, cut to (O−1)·s + k
  const rows = (outHeight - 1) * sh + kh;
  const cols = (outWidth - 1) * sw + kw;
  const temps: TensorInfo[] = [];
  try {
    let xp = run(
      'PadV2',
      { x },
      {
        paddings: [
          [0, 0],
          [top, Math.max(0, rows - inHeight - top)],
          [left, Math.max(0, cols - inWidth - left)],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
    temps.push(xp);
    if (xp.shape[1] !== rows || xp.shape[2] !== cols) {
      xp = run('Slice', { x: xp }, { begin: [0, 0, 0, 0], size: [batchSize, rows, cols, ci] });
      temps.push(xp);
    }
    const x5: TensorInfo = { ...xp, shape: [batchSize, 1, rows, cols, ci] };
    const dy5: TensorInfo = { ...dy, shape: [batchSize, 1, outHeight, outWidth, co] };
    const g = run(
      'Conv3DBackpropFilterV2',
      { x: x5, dy: dy5 },
      { strides: [1, sh, sw], pad: 'valid', filterShape: [1, kh, kw, ci, co] },
    );
    return { ...g, shape: [kh, kw, ci, co] };
  } finally {
    for (const t of temps) backend.disposeData(t.dataId);
  }
}

/**
 * The input gradient as a forward convolution: the output gradient, with s − 1 zeros put after
 * each of its rows and columns (a pad of a 6-D view, then a reshape), padded by k − 1 − p before
 * and cut or padded after to the input's side, convolved at stride 1 with the kernel turned by
 * 180° and its channels swapped. tfjs's own WASM `Conv2DBackpropInput` is a plain loop, several
 * times slower than XNNPACK's convolution; it still serves what this does not cover (a padding
 * larger than k − 1, 'same' padding with an odd remainder, dilations).
 */
function inputGradientByConv2d(
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
  backend: WasmBackendLike,
): TensorInfo | undefined {
  const { strideHeight: sh, strideWidth: sw, inHeight, inWidth, outHeight, outWidth, filterHeight: kh } = info;
  const { filterWidth: kw, batchSize: n, outChannels: co } = info;
  const { top, left } = info.padInfo;
  const before = [kh - 1 - top, kw - 1 - left];
  const after = [inHeight + top - outHeight * sh, inWidth + left - outWidth * sw];
  if (before[0]! < 0 || before[1]! < 0 || info.dilationHeight !== 1 || info.dilationWidth !== 1) return undefined;
  const run = (name: string, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown>) =>
    kernelOf(name, backend)(inputs, attrs);
  const temps: TensorInfo[] = [];
  try {
    let spread = dy;
    if (sh > 1 || sw > 1) {
      const view: TensorInfo = { ...dy, shape: [n, outHeight, 1, outWidth, 1, co] };
      const padded = run(
        'PadV2',
        { x: view },
        {
          paddings: [
            [0, 0],
            [0, 0],
            [0, sh - 1],
            [0, 0],
            [0, sw - 1],
            [0, 0],
          ],
          constantValue: 0,
        },
      );
      temps.push(padded);
      spread = { ...padded, shape: [n, outHeight * sh, outWidth * sw, co] };
    }
    const turned = run('Reverse', { x: filter }, { dims: [0, 1] });
    temps.push(turned);
    const swapped = run('Transpose', { x: turned }, { perm: [0, 1, 3, 2] }); // (kh, kw, C_out, C_in)
    temps.push(swapped);
    const pad = [
      [0, 0],
      [before[0], Math.max(0, after[0]!)],
      [before[1], Math.max(0, after[1]!)],
      [0, 0],
    ];
    const dx = run(
      'Conv2D',
      { x: spread, filter: swapped },
      { strides: [1, 1], pad, dilations: [1, 1], dataFormat: 'NHWC', dimRoundingMode: undefined },
    );
    if (dx.shape[1] === inHeight && dx.shape[2] === inWidth) return dx;
    temps.push(dx);
    return run('Slice', { x: dx }, { begin: [0, 0, 0, 0], size: [n, inHeight, inWidth, info.inChannels] });
  } finally {
    for (const t of temps) backend.disposeData(t.dataId);
  }
}

let method: FilterGradientMethod = 'conv2d';

/** Which way the WASM filter gradient runs from now on (the bench compares both). */
export function setFilterGradientMethod(m: FilterGradientMethod): void {
  method = m;
}

const conv2DBackpropFilter: KernelFunc = ({ inputs, attrs, backend }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as {
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
    dataFormat: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    filterShape: [number, number, number, number];
  };
  if (dataFormat !== 'NHWC') throw new Error(`the WASM filter gradient takes NHWC, not ${dataFormat}`);
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  const args = { x, dy, filterShape, info, backend: backend as unknown as WasmBackendLike };
  // tfjs 4.22's WASM Conv3DBackpropFilterV2 is wrong for strides above 1 (its stride-2 results
  // differ from the CPU backend's; trainingKernels.test.ts), so strided convolutions always take conv2d
  const strided = info.strideHeight > 1 || info.strideWidth > 1;
  return method === 'conv3d' && !strided ? filterGradientByConv3d(args) : filterGradientByConv2d(args);
};

/** tfjs's own WASM input gradient, for the cases the forward convolution does not cover. */
let loopInputGradient: KernelFunc | undefined;

const conv2DBackpropInput: KernelFunc = (args) => {
  const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs as unknown as {
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
    dataFormat: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    inputShape: [number, number, number, number];
  };
  const info =
    dataFormat === 'NHWC'
      ? backend_util.computeConv2DInfo(
          inputShape,
          filter.shape as [number, number, number, number],
          strides,
          1,
          pad,
          dimRoundingMode,
          false,
          'channelsLast',
        )
      : undefined;
  const fast = info && inputGradientByConv2d(dy, filter, info, args.backend as unknown as WasmBackendLike);
  if (fast) return fast;
  if (!loopInputGradient) throw new Error("tfjs's WASM backend has no Conv2DBackpropInput kernel");
  return loopInputGradient(args);
};

/** Give tfjs's WASM backend the training kernels it lacks, or has only slowly; safe to call more than once. */
export function registerWasmTrainingKernels(): void {
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm'))
    tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2DBackpropFilter });
  const input = tf.getKernel('Conv2DBackpropInput', 'wasm');
  if (input && input.kernelFunc !== conv2DBackpropInput) {
    loopInputGradient = input.kernelFunc;
    tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
    tf.registerKernel({ ...input, kernelName: 'Conv2DBackpropInput', kernelFunc: conv2DBackpropInput } as KernelConfig);
  }
}
