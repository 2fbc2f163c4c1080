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
 * transposed. The second way, `Conv3DBackpropFilterV2` at depth 1 on the padded input, is kept
 * for the bench (`npm run bench`, `filter-gradient` rows), which compares the two.
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

const KERNELS: readonly KernelConfig[] = [
  { kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2DBackpropFilter },
];

/** Give tfjs's WASM backend the training kernels it lacks; safe to call more than once. */
export function registerWasmTrainingKernels(): void {
  for (const k of KERNELS) if (!tf.getKernel(k.kernelName, k.backendName)) tf.registerKernel(k);
}
