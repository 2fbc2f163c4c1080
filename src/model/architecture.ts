/**
 * The seed's ResNet-18 as plain data: which layers exist, their hyper-parameters,
 * their state_dict keys and the shapes they produce. No tfjs here, so the diagram,
 * the shape arithmetic and the tests can use it without a backend.
 *
 * It mirrors the seed's code one to one:
 *   Residual(input_channels, num_channels, use_1x1conv=False, strides=1)
 *   resnet_block(input_channels, num_channels, num_residuals, first_block=False)
 *   b1 … b5, AdaptiveAvgPool2d((1,1)), Flatten(), Linear(512, 10)
 */
import type { NodeInfo, OpKind, Shape } from './types';

/** The seed's `Residual.__init__` arguments. */
export interface ResidualConfig {
  readonly inputChannels: number;
  readonly numChannels: number;
  readonly use1x1conv: boolean;
  readonly strides: number;
}

/** `Residual(input_channels, num_channels, use_1x1conv=False, strides=1)`. */
export function Residual(inputChannels: number, numChannels: number, use1x1conv = false, strides = 1): ResidualConfig {
  return { inputChannels, numChannels, use1x1conv, strides };
}

/** The seed's `resnet_block`: the first block of every stage but b2 halves H, W with a 1×1 conv. */
export function resnetBlock(
  inputChannels: number,
  numChannels: number,
  numResiduals: number,
  firstBlock = false,
): ResidualConfig[] {
  const blk: ResidualConfig[] = [];
  for (let i = 0; i < numResiduals; i++) {
    if (i === 0 && !firstBlock) blk.push(Residual(inputChannels, numChannels, true, 2));
    else blk.push(Residual(numChannels, numChannels));
  }
  return blk;
}

/** b1: Conv2d(1, 64, 7, stride 2, padding 3) → BatchNorm2d(64) → ReLU → MaxPool2d(3, 2, 1). */
export const B1 = {
  conv: { inChannels: 1, outChannels: 64, kernel: 7, stride: 2, padding: 3 },
  pool: { kernel: 3, stride: 2, padding: 1 },
} as const;

/** The residual stages b2…b5, as the seed builds them. */
export const STAGES: readonly { readonly name: string; readonly blocks: ResidualConfig[] }[] = [
  { name: 'b2', blocks: resnetBlock(64, 64, 2, true) },
  { name: 'b3', blocks: resnetBlock(64, 128, 2) },
  { name: 'b4', blocks: resnetBlock(128, 256, 2) },
  { name: 'b5', blocks: resnetBlock(256, 512, 2) },
];

export const NUM_CLASSES = 10;
export const FEATURES = 512;

/**
 * The one place that maps the seed's variable names to its `state_dict` keys:
 * `resnet_18 = nn.Sequential(b1, b2, b3, b4, b5, AdaptiveAvgPool2d, Flatten, Linear)`,
 * so b1 is `0.*`, b2 `1.*` … b5 `4.*`, and the linear layer `7.*`.
 */
export const STATE_DICT_PREFIX: Readonly<Record<string, string>> = {
  'b1.conv': '0.0',
  'b1.bn': '0.1',
  b2: '1',
  b3: '2',
  b4: '3',
  b5: '4',
  linear: '7',
};

/** The state_dict prefix of a residual block's layer, e.g. (`b3`, 0, `conv3`) → `2.0.conv3`. */
export function blockLayerKey(stage: string, block: number, layer: string): string {
  const prefix = STATE_DICT_PREFIX[stage];
  if (prefix === undefined) throw new Error(`Unknown stage "${stage}"`);
  return `${prefix}.${block}.${layer}`;
}

/** Output size of a convolution or pooling window: ⌊(H + 2p − k) / s⌋ + 1. */
export function convOutputSize(size: number, kernel: number, stride: number, padding: number): number {
  return Math.floor((size + 2 * padding - kernel) / stride) + 1;
}

/** Learned parameters of a conv layer with bias: C_out·C_in·k·k + C_out. */
export function convParamCount(inChannels: number, outChannels: number, kernel: number): number {
  return outChannels * inChannels * kernel * kernel + outChannels;
}

function node(
  path: string,
  op: OpKind,
  shape: Shape,
  inputs: string[],
  stage: string,
  params: NodeInfo['params'],
  block?: number,
): NodeInfo {
  return block === undefined
    ? { path, op, shape, inputs, params, stage }
    : { path, op, shape, inputs, params, stage, block };
}

/** Nodes of one residual block, given the path and shape of its input. */
export function residualNodes(
  cfg: ResidualConfig,
  prefix: string,
  inputPath: string,
  inShape: Shape,
  stage: string,
  block: number,
): NodeInfo[] {
  const [n, c, h, w] = inShape as [number, number, number, number];
  const { inputChannels: ci, numChannels: co, strides: s } = cfg;
  if (c !== ci) {
    throw new Error(`Residual(${ci}, ${co}) expects ${ci} input channels but the input has ${c}`);
  }
  const h1 = convOutputSize(h, 3, s, 1);
  const w1 = convOutputSize(w, 3, s, 1);
  const y: Shape = [n, co, h1, w1];
  const bnParams = { paramCount: 2 * co };
  const nodes: NodeInfo[] = [
    node(
      `${prefix}.conv1`,
      'conv',
      y,
      [inputPath],
      stage,
      { kernel: 3, stride: s, padding: 1, inChannels: ci, outChannels: co, paramCount: convParamCount(ci, co, 3) },
      block,
    ),
    node(`${prefix}.bn1`, 'batchnorm', y, [`${prefix}.conv1`], stage, bnParams, block),
    node(`${prefix}.relu`, 'relu', y, [`${prefix}.bn1`], stage, { paramCount: 0 }, block),
    node(
      `${prefix}.conv2`,
      'conv',
      y,
      [`${prefix}.relu`],
      stage,
      { kernel: 3, stride: 1, padding: 1, inChannels: co, outChannels: co, paramCount: convParamCount(co, co, 3) },
      block,
    ),
    node(`${prefix}.bn2`, 'batchnorm', y, [`${prefix}.conv2`], stage, bnParams, block),
  ];
  let shortcut = inputPath;
  if (cfg.use1x1conv) {
    const xs: Shape = [n, co, convOutputSize(h, 1, s, 0), convOutputSize(w, 1, s, 0)];
    nodes.push(
      node(
        `${prefix}.conv3`,
        'conv',
        xs,
        [inputPath],
        stage,
        { kernel: 1, stride: s, padding: 0, inChannels: ci, outChannels: co, paramCount: convParamCount(ci, co, 1) },
        block,
      ),
    );
    shortcut = `${prefix}.conv3`;
  }
  nodes.push(node(`${prefix}.add`, 'add', y, [`${prefix}.bn2`, shortcut], stage, { paramCount: 0 }, block));
  nodes.push(node(`${prefix}.relu2`, 'relu', y, [`${prefix}.add`], stage, { paramCount: 0 }, block));
  return nodes;
}

/**
 * Every node of ResNet-18 for an input of shape (N, 1, H, W), in execution order,
 * starting with the input itself. Throws a readable error for impossible shapes.
 */
export function resnet18Nodes(inputShape: Shape): NodeInfo[] {
  if (inputShape.length !== 4) throw new Error(`ResNet-18 takes a 4-D input (N, C, H, W), got ${inputShape.length}-D`);
  const [n, c, h, w] = inputShape as [number, number, number, number];
  for (const v of inputShape) {
    if (!Number.isInteger(v) || v < 1)
      throw new Error(`Every size must be a positive integer, got (${inputShape.join(', ')})`);
  }
  if (c !== 1) throw new Error(`ResNet-18 here takes 1 channel (gray images), got ${c}`);
  const nodes: NodeInfo[] = [node('input', 'input', inputShape, [], 'input', { paramCount: 0 })];
  const { conv, pool } = B1;
  const h1 = convOutputSize(h, conv.kernel, conv.stride, conv.padding);
  const w1 = convOutputSize(w, conv.kernel, conv.stride, conv.padding);
  const s1: Shape = [n, 64, h1, w1];
  const s2: Shape = [
    n,
    64,
    convOutputSize(h1, pool.kernel, pool.stride, pool.padding),
    convOutputSize(w1, pool.kernel, pool.stride, pool.padding),
  ];
  if ((s2[2] as number) < 1 || (s2[3] as number) < 1)
    throw new Error(`The input (${inputShape.join(', ')}) is too small for ResNet-18`);
  nodes.push(
    node('b1.conv', 'conv', s1, ['input'], 'b1', { ...conv, paramCount: convParamCount(1, 64, 7) }),
    node('b1.bn', 'batchnorm', s1, ['b1.conv'], 'b1', { paramCount: 128 }),
    node('b1.relu', 'relu', s1, ['b1.bn'], 'b1', { paramCount: 0 }),
    node('b1.maxpool', 'maxpool', s2, ['b1.relu'], 'b1', { ...pool, paramCount: 0 }),
  );
  let path = 'b1.maxpool';
  let shape = s2;
  for (const stage of STAGES) {
    stage.blocks.forEach((cfg, i) => {
      const blockNodes = residualNodes(cfg, `${stage.name}.${i}`, path, shape, stage.name, i);
      nodes.push(...blockNodes);
      const last = blockNodes[blockNodes.length - 1] as NodeInfo;
      path = last.path;
      shape = last.shape;
    });
  }
  nodes.push(
    node('pool', 'avgpool', [n, FEATURES, 1, 1], [path], 'head', { paramCount: 0 }),
    node('flatten', 'flatten', [n, FEATURES], ['pool'], 'head', { paramCount: 0 }),
    node('linear', 'linear', [n, NUM_CLASSES], ['flatten'], 'head', {
      inChannels: FEATURES,
      outChannels: NUM_CLASSES,
      paramCount: FEATURES * NUM_CLASSES + NUM_CLASSES,
    }),
  );
  return nodes;
}

/** Every `state_dict` key and its PyTorch shape, in the order PyTorch lists them. */
export function stateDictShapes(): [string, number[]][] {
  const out: [string, number[]][] = [];
  const bn = (key: string, c: number) => {
    for (const p of ['weight', 'bias', 'running_mean', 'running_var']) out.push([`${key}.${p}`, [c]]);
  };
  const conv = (key: string, ci: number, co: number, k: number) => {
    out.push([`${key}.weight`, [co, ci, k, k]], [`${key}.bias`, [co]]);
  };
  conv(STATE_DICT_PREFIX['b1.conv'] as string, 1, 64, 7);
  bn(STATE_DICT_PREFIX['b1.bn'] as string, 64);
  for (const stage of STAGES) {
    stage.blocks.forEach((cfg, i) => {
      const k = (layer: string) => blockLayerKey(stage.name, i, layer);
      conv(k('conv1'), cfg.inputChannels, cfg.numChannels, 3);
      conv(k('conv2'), cfg.numChannels, cfg.numChannels, 3);
      if (cfg.use1x1conv) conv(k('conv3'), cfg.inputChannels, cfg.numChannels, 1);
      bn(k('bn1'), cfg.numChannels);
      bn(k('bn2'), cfg.numChannels);
    });
  }
  out.push(
    [`${STATE_DICT_PREFIX['linear']}.weight`, [NUM_CLASSES, FEATURES]],
    [`${STATE_DICT_PREFIX['linear']}.bias`, [NUM_CLASSES]],
  );
  return out;
}
