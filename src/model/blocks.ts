/**
 * The three residual blocks as data — the one place that says which layers a block has,
 * in which order they run, what they read, which of the code's lines computes each and
 * what each is called on the page. Nodes, `state_dict` keys, the forward plan and the
 * step names are all generated from these lists.
 *
 *   basic (the notebook's Residual):  Y = relu(bn1(conv1(X))); Y = bn2(conv2(Y)); X = conv3(X)?; relu(Y + X)
 *   bottleneck (ResNet-50+):      Y = relu(bn1(conv1(X))) 1×1; relu(bn2(conv2(Y))) 3×3; bn3(conv3(Y)) 1×1; X = conv4(X)?; relu(Y + X)
 *   pre-activation:               Y = conv1(relu(bn1(X))); Y = conv2(relu(bn2(Y))); X = conv3(X)?; Y + X
 */
import type { BlockPath } from './types';
import type { BlockKind } from './variants';

/** A convolution's hyper-parameters (every Conv2d here has a bias). */
export interface ConvSpec {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
}

/**
 * A block's constructor arguments, `Residual(input_channels, num_channels, use_1x1conv, strides)`
 * style: the one type for them (the networks, the block lab, the race).
 */
export interface BlockArgs {
  /** Which block; the notebook's `Residual` (`basic`) when absent. */
  readonly kind?: BlockKind;
  readonly inputChannels: number;
  /** Output channels (basic, pre-activation) or the inner width (bottleneck: output is 4×). */
  readonly numChannels: number;
  /** A 1×1 convolution on the shortcut. */
  readonly use1x1conv: boolean;
  readonly strides: number;
}

/** What a block's layers are called (all three kinds together); `add` and `relu2` are the block's end. */
export type BlockLayerName =
  'conv1' | 'bn1' | 'relu' | 'conv2' | 'bn2' | 'relu_mid' | 'conv3' | 'bn3' | 'conv4' | 'add' | 'relu2';

/** The operations a block is made of. */
export type BlockOp = 'conv' | 'batchnorm' | 'relu' | 'add';

/** One layer of a block, in execution order. */
export interface BlockLayer {
  /** Its name in the path and the `state_dict` (`conv1`, `bn2`…); `add` and `relu2` are the block's end. */
  readonly name: BlockLayerName;
  readonly op: BlockOp;
  /** Names of the layers it reads; `X` is the block's input. */
  readonly inputs: readonly (BlockLayerName | 'X')[];
  readonly conv?: ConvSpec;
  /** A batch norm's channels. */
  readonly channels?: number;
  /** What the page calls it. */
  readonly label: string;
  /** The id of the code line that computes it (`fwd.y1`…, see the code panel). */
  readonly line: string;
}

/** Bottleneck blocks widen their inner width by this factor. */
export const BOTTLENECK_EXPANSION = 4;

/** The channels a block outputs. */
export function blockOutChannels(cfg: BlockArgs): number {
  return cfg.kind === 'bottleneck' ? BOTTLENECK_EXPANSION * cfg.numChannels : cfg.numChannels;
}

type Input = BlockLayerName | 'X';
const conv = (name: BlockLayerName, input: Input, spec: ConvSpec, line: string): BlockLayer => ({
  name,
  op: 'conv',
  inputs: [input],
  conv: spec,
  label: name,
  line,
});
const bn = (name: BlockLayerName, input: Input, channels: number, line: string): BlockLayer => ({
  name,
  op: 'batchnorm',
  inputs: [input],
  channels,
  label: name,
  line,
});
const relu = (name: BlockLayerName, input: Input, line: string, label = 'relu'): BlockLayer => ({
  name,
  op: 'relu',
  inputs: [input],
  label,
  line,
});
const add = (y: BlockLayerName, x: Input): BlockLayer => ({
  name: 'add',
  op: 'add',
  inputs: [y, x],
  label: 'Y += X',
  line: 'fwd.add',
});

/** The layers of one block in the order its `forward` runs them. */
export function blockLayers(cfg: BlockArgs): BlockLayer[] {
  const { inputChannels: ci, numChannels: c, strides: s } = cfg;
  const k = (inC: number, outC: number, kernel: number, stride: number, padding: number): ConvSpec => ({
    inChannels: inC,
    outChannels: outC,
    kernel,
    stride,
    padding,
  });
  const out = blockOutChannels(cfg);
  if ((cfg.kind ?? 'basic') === 'basic') {
    return [
      conv('conv1', 'X', k(ci, c, 3, s, 1), 'fwd.y1'),
      bn('bn1', 'conv1', c, 'fwd.y1'),
      relu('relu', 'bn1', 'fwd.y1'),
      conv('conv2', 'relu', k(c, c, 3, 1, 1), 'fwd.y2'),
      bn('bn2', 'conv2', c, 'fwd.y2'),
      ...(cfg.use1x1conv ? [conv('conv3', 'X', k(ci, c, 1, s, 0), 'fwd.shortcut')] : []),
      add('bn2', cfg.use1x1conv ? 'conv3' : 'X'),
      relu('relu2', 'add', 'fwd.relu', 'relu(Y)'),
    ];
  }
  if (cfg.kind === 'bottleneck') {
    return [
      conv('conv1', 'X', k(ci, c, 1, 1, 0), 'fwd.y1'),
      bn('bn1', 'conv1', c, 'fwd.y1'),
      relu('relu', 'bn1', 'fwd.y1'),
      conv('conv2', 'relu', k(c, c, 3, s, 1), 'fwd.y2'),
      bn('bn2', 'conv2', c, 'fwd.y2'),
      relu('relu_mid', 'bn2', 'fwd.y2'),
      conv('conv3', 'relu_mid', k(c, out, 1, 1, 0), 'fwd.y3'),
      bn('bn3', 'conv3', out, 'fwd.y3'),
      ...(cfg.use1x1conv ? [conv('conv4', 'X', k(ci, out, 1, s, 0), 'fwd.shortcut')] : []),
      add('bn3', cfg.use1x1conv ? 'conv4' : 'X'),
      relu('relu2', 'add', 'fwd.relu', 'relu(Y)'),
    ];
  }
  return [
    bn('bn1', 'X', ci, 'fwd.y1'),
    relu('relu', 'bn1', 'fwd.y1'),
    conv('conv1', 'relu', k(ci, c, 3, s, 1), 'fwd.y1'),
    bn('bn2', 'conv1', c, 'fwd.y2'),
    relu('relu_mid', 'bn2', 'fwd.y2'),
    conv('conv2', 'relu_mid', k(c, c, 3, 1, 1), 'fwd.y2'),
    ...(cfg.use1x1conv ? [conv('conv3', 'X', k(ci, c, 1, s, 0), 'fwd.shortcut')] : []),
    add('conv2', cfg.use1x1conv ? 'conv3' : 'X'),
  ];
}

/**
 * The same block without its shortcut (the left of the notebook's ResNet2.png, the race's plain
 * family): no 1×1 convolution on X and no `Y += X`; the last ReLU reads the main path's end.
 */
export function plainBlockLayers(cfg: BlockArgs): BlockLayer[] {
  const layers = blockLayers({ ...cfg, use1x1conv: false });
  const add = layers.find((l) => l.op === 'add')!;
  return layers
    .filter((l) => l !== add)
    .map((l) => (l.inputs.includes(add.name) ? { ...l, inputs: [add.inputs[0]!] } : l));
}

/**
 * The block's layers with weights in the order its `__init__` registers them, which is
 * the order of its `state_dict` keys (and of the seeded initialisation).
 */
export function blockModules(cfg: BlockArgs): BlockLayer[] {
  const layers = blockLayers(cfg).filter((l) => l.op === 'conv' || l.op === 'batchnorm');
  const order: Readonly<Record<BlockKind, readonly BlockLayerName[]>> = {
    basic: ['conv1', 'conv2', 'conv3', 'bn1', 'bn2'],
    bottleneck: ['conv1', 'bn1', 'conv2', 'bn2', 'conv3', 'bn3', 'conv4'],
    preact: ['bn1', 'conv1', 'bn2', 'conv2', 'conv3'],
  };
  return order[cfg.kind ?? 'basic'].flatMap((name) => layers.filter((l) => l.name === name));
}

/** The notebook's block with the 1×1 shortcut: every layer it can have. */
const NOTEBOOK_BLOCK: BlockArgs = { inputChannels: 1, numChannels: 1, use1x1conv: true, strides: 2 };

/** The notebook's block's layer names in the order its `forward` produces them (with the 1×1 shortcut). */
export const RESIDUAL_STEPS: readonly BlockLayerName[] = blockLayers(NOTEBOOK_BLOCK).map((l) => l.name);

/** The name of the block's last layer (its output). */
export function blockOutputName(cfg: BlockArgs): BlockLayerName {
  return blockLayers(cfg).at(-1)!.name;
}

/** A block's data path by name, for drawing it (the main path, the shortcut's convolution, the addition, the output). */
export function blockPath(cfg: BlockArgs): BlockPath {
  const layers = blockLayers({ ...cfg, use1x1conv: true });
  const addAt = layers.findIndex((l) => l.op === 'add');
  const shortcut = layers.find((l) => l.line === 'fwd.shortcut')!;
  const main = layers.slice(0, addAt).filter((l) => l !== shortcut);
  return {
    main: main.map((l) => l.name),
    lastConv: main.filter((l) => l.op === 'conv').at(-1)!.name,
    shortcut: shortcut.name,
    add: layers[addAt]!.name,
    out: layers.at(-1)!.name,
  };
}

/** The notebook's block's data path (the block lab draws it). */
export const RESIDUAL_PATH: BlockPath = blockPath(NOTEBOOK_BLOCK);
