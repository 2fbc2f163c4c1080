/**
 * The network as plain data, generated from one row of the variants table: its layers
 * in execution order (with their `state_dict` keys), its nodes with shapes and costs for
 * an input, and its `state_dict` keys and shapes. No tfjs here, so the diagram, the shape
 * arithmetic and the tests use it without a backend.
 *
 * It follows the notebook's code: b1 … b5 as `nn.Sequential`s (`0.*` … `4.*`), the blocks
 * built like `resnet_block` (the first block of b3, b4 and b5 halves H and W through a
 * strided conv and a 1×1 shortcut), then the head: for the pre-activation network a last
 * BatchNorm2d (`5.*`) and ReLU, then AdaptiveAvgPool2d((1,1)), Flatten(), Linear.
 */
import { blockLayers, blockModules, blockOutChannels, blockOutputName, type BlockArgs, type ConvSpec } from './blocks';
import { NUM_CLASSES } from './fashionMnist';
import type { NodeInfo, OpKind, Shape } from './types';
import { RESNET18, type ArchSpec } from './variants';

/** b1: Conv2d(1, 64, 7, stride 2, padding 3) → BatchNorm2d(64) → ReLU → MaxPool2d(3, 2, 1). */
export const B1 = {
  conv: { inChannels: 1, outChannels: 64, kernel: 7, stride: 2, padding: 3 },
  pool: { kernel: 3, stride: 2, padding: 1 },
} as const;

/** The residual stages b2 … b5 and their blocks. */
export interface StageSpec {
  readonly name: string;
  readonly blocks: readonly BlockArgs[];
}

const STAGE_NAMES = ['b2', 'b3', 'b4', 'b5'] as const;
const STAGE_WIDTHS = [64, 128, 256, 512] as const;

/**
 * The stages of a variant, built like the notebook's `resnet_block`: the first block of b3,
 * b4 and b5 has a 1×1 shortcut and stride 2; a bottleneck's first block of b2 needs a
 * shortcut too (64 → 256 channels).
 */
export function archStages(arch: ArchSpec): StageSpec[] {
  let channels: number = B1.conv.outChannels;
  return STAGE_NAMES.map((name, s) => {
    const width = STAGE_WIDTHS[s] as number;
    const blocks: BlockArgs[] = [];
    for (let i = 0; i < (arch.layers[s] as number); i++) {
      const strides = i === 0 && s > 0 ? 2 : 1;
      const cfg = { kind: arch.block, inputChannels: channels, numChannels: width, strides, use1x1conv: false };
      const out = blockOutChannels(cfg);
      blocks.push({ ...cfg, use1x1conv: strides !== 1 || out !== channels });
      channels = out;
    }
    return { name, blocks };
  });
}

/** The features a variant's linear layer takes: b5's output channels. */
export function archFeatures(arch: ArchSpec): number {
  const last = archStages(arch)[3]?.blocks.at(-1) as BlockArgs;
  return blockOutChannels(last);
}

/** One layer of the whole network, in execution order. */
export interface LayerSpec {
  /** Stable path: `b1.conv`, `b3.0.conv3`, `pool`, `linear`. */
  readonly path: string;
  readonly op: Exclude<OpKind, 'input'>;
  /** Paths it reads (`input` is the network's input). */
  readonly inputs: readonly string[];
  /** `b1` … `b5`, or `head`. */
  readonly stage: string;
  readonly block?: number;
  /** Its `state_dict` prefix when it has weights: `0.0`, `2.0.conv3`, `7`. */
  readonly key?: string;
  readonly conv?: ConvSpec;
  /** A batch norm's channels. */
  readonly channels?: number;
  readonly pool?: { readonly kernel: number; readonly stride: number; readonly padding: number };
  readonly linear?: { readonly inFeatures: number; readonly outFeatures: number };
  /** What the page calls it (`Y += X`, `MaxPool2d`, `conv1`). */
  readonly label: string;
  /** The code line that computes it, for the code panel (block layers). */
  readonly line?: string;
}

/** The layers of a variant in execution order, with their `state_dict` keys. */
export function networkLayers(arch: ArchSpec = RESNET18): LayerSpec[] {
  const c = B1.conv.outChannels;
  const layers: LayerSpec[] = [
    { path: 'b1.conv', op: 'conv', inputs: ['input'], stage: 'b1', key: '0.0', conv: B1.conv, label: 'Conv2d' },
    { path: 'b1.bn', op: 'batchnorm', inputs: ['b1.conv'], stage: 'b1', key: '0.1', channels: c, label: 'BatchNorm2d' },
    { path: 'b1.relu', op: 'relu', inputs: ['b1.bn'], stage: 'b1', label: 'ReLU' },
    { path: 'b1.maxpool', op: 'maxpool', inputs: ['b1.relu'], stage: 'b1', pool: B1.pool, label: 'MaxPool2d' },
  ];
  let last = 'b1.maxpool';
  archStages(arch).forEach((stage, s) => {
    stage.blocks.forEach((cfg, i) => {
      const prefix = `${stage.name}.${i}`;
      const resolve = (name: string) => (name === 'X' ? last : `${prefix}.${name}`);
      for (const l of blockLayers(cfg)) {
        layers.push({
          path: `${prefix}.${l.name}`,
          op: l.op,
          inputs: l.inputs.map(resolve),
          stage: stage.name,
          block: i,
          label: l.label,
          line: l.line,
          ...(l.op === 'conv' || l.op === 'batchnorm' ? { key: `${s + 1}.${i}.${l.name}` } : {}),
          ...(l.conv ? { conv: l.conv } : {}),
          ...(l.channels ? { channels: l.channels } : {}),
        });
      }
      last = `${prefix}.${blockOutputName(cfg)}`;
    });
  });
  const features = archFeatures(arch);
  // the head's modules follow b5 in the top-level nn.Sequential, numbered from 5
  let index = 5;
  const head = (spec: Omit<LayerSpec, 'inputs' | 'stage'>) => {
    layers.push({ ...spec, inputs: [last], stage: 'head' });
    last = spec.path;
    index++;
  };
  if (arch.block === 'preact') {
    head({ path: 'bn', op: 'batchnorm', key: String(index), channels: features, label: 'BatchNorm2d' });
    head({ path: 'relu', op: 'relu', label: 'ReLU' });
  }
  head({ path: 'pool', op: 'avgpool', label: 'AdaptiveAvgPool2d' });
  head({ path: 'flatten', op: 'flatten', label: 'Flatten' });
  head({
    path: 'linear',
    op: 'linear',
    key: String(index),
    linear: { inFeatures: features, outFeatures: NUM_CLASSES },
    label: 'Linear',
  });
  return layers;
}

/**
 * The layers with weights in the order PyTorch registers them, which is the order of
 * the `state_dict` (a block's `__init__` order differs from its `forward` order).
 */
export function moduleOrder(arch: ArchSpec = RESNET18): LayerSpec[] {
  const layers = networkLayers(arch);
  const byPath = new Map(layers.map((l) => [l.path, l]));
  const out: LayerSpec[] = layers.filter((l) => l.stage === 'b1' && l.key);
  archStages(arch).forEach((stage) => {
    stage.blocks.forEach((cfg, i) => {
      for (const m of blockModules(cfg)) out.push(byPath.get(`${stage.name}.${i}.${m.name}`) as LayerSpec);
    });
  });
  out.push(...layers.filter((l) => l.stage === 'head' && l.key));
  return out;
}

/** A `state_dict` entry: key, PyTorch shape, and what kind of layer it belongs to. */
export interface StateDictEntry {
  readonly key: string;
  readonly shape: number[];
  readonly layer: 'conv' | 'batchnorm' | 'linear';
  /** `weight`, `bias`, `running_mean` or `running_var`. */
  readonly param: string;
}

/** Every `state_dict` entry of a variant (without BatchNorm's `num_batches_tracked`), in PyTorch's order. */
export function stateDictEntries(arch: ArchSpec = RESNET18): StateDictEntry[] {
  return moduleEntries(moduleOrder(arch));
}

/** The `state_dict` entries of layers with weights, in the given order. */
export function moduleEntries(
  modules: readonly Pick<LayerSpec, 'key' | 'conv' | 'channels' | 'linear'>[],
): StateDictEntry[] {
  const out: StateDictEntry[] = [];
  for (const l of modules) {
    const key = l.key as string;
    if (l.conv) {
      const { inChannels: ci, outChannels: co, kernel: k } = l.conv;
      out.push({ key: `${key}.weight`, shape: [co, ci, k, k], layer: 'conv', param: 'weight' });
      out.push({ key: `${key}.bias`, shape: [co], layer: 'conv', param: 'bias' });
    } else if (l.channels !== undefined) {
      for (const param of ['weight', 'bias', 'running_mean', 'running_var']) {
        out.push({ key: `${key}.${param}`, shape: [l.channels], layer: 'batchnorm', param });
      }
    } else if (l.linear) {
      const { inFeatures, outFeatures } = l.linear;
      out.push({ key: `${key}.weight`, shape: [outFeatures, inFeatures], layer: 'linear', param: 'weight' });
      out.push({ key: `${key}.bias`, shape: [outFeatures], layer: 'linear', param: 'bias' });
    }
  }
  return out;
}

/** Every `state_dict` key and its PyTorch shape, in the order PyTorch lists them. */
export function stateDictShapes(arch: ArchSpec = RESNET18): [string, number[]][] {
  return stateDictEntries(arch).map((e) => [e.key, e.shape]);
}

/** Output size of a convolution or pooling window: ⌊(H + 2p − k) / s⌋ + 1. */
export function convOutputSize(size: number, kernel: number, stride: number, padding: number): number {
  return Math.floor((size + 2 * padding - kernel) / stride) + 1;
}

/** Learned parameters of a conv layer with bias: C_out·C_in·k·k + C_out. */
export function convParamCount(inChannels: number, outChannels: number, kernel: number): number {
  return outChannels * inChannels * kernel * kernel + outChannels;
}

const product = (s: Shape) => s.reduce((a, b) => a * b, 1);

/** A layer's output shape, learned parameters and multiply-adds for its input's shape. */
function layerNode(l: LayerSpec, inShapes: readonly Shape[]): NodeInfo {
  const x = inShapes[0] as Shape;
  const [n, c, h, w] = x as [number, number, number, number];
  let shape: Shape = x;
  let params: NodeInfo['params'] = { paramCount: 0 };
  let multiplyAdds = 0;
  if (l.conv) {
    const { inChannels: ci, outChannels: co, kernel: k, stride, padding } = l.conv;
    if (c !== ci) throw new Error(`${l.path} expects ${ci} input channels but its input has ${c}`);
    shape = [n, co, convOutputSize(h, k, stride, padding), convOutputSize(w, k, stride, padding)];
    params = { kernel: k, stride, padding, inChannels: ci, outChannels: co, paramCount: convParamCount(ci, co, k) };
    multiplyAdds = product(shape) * ci * k * k;
  } else if (l.op === 'batchnorm') {
    params = { paramCount: 2 * c };
  } else if (l.pool) {
    const { kernel, stride, padding } = l.pool;
    shape = [n, c, convOutputSize(h, kernel, stride, padding), convOutputSize(w, kernel, stride, padding)];
    params = { ...l.pool, paramCount: 0 };
  } else if (l.op === 'avgpool') {
    shape = [n, c, 1, 1];
  } else if (l.op === 'flatten') {
    shape = [n, product(x.slice(1))];
  } else if (l.linear) {
    const { inFeatures, outFeatures } = l.linear;
    shape = [n, outFeatures];
    params = { inChannels: inFeatures, outChannels: outFeatures, paramCount: inFeatures * outFeatures + outFeatures };
    multiplyAdds = n * inFeatures * outFeatures;
  } else if (l.op === 'add') {
    const other = inShapes[1] as Shape;
    if (other.join() !== x.join()) {
      throw new Error(`${l.path}: Y has shape (${x.join(', ')}) but X has shape (${other.join(', ')})`);
    }
  }
  const base = { path: l.path, op: l.op, shape, inputs: l.inputs, params, stage: l.stage, label: l.label };
  const cost = { multiplyAdds, bytes: 4 * product(shape), ...(l.line ? { line: l.line } : {}) };
  return l.block === undefined ? { ...base, ...cost } : { ...base, ...cost, block: l.block };
}

/**
 * Every node of a variant for an input of shape (N, 1, H, W), in execution order,
 * starting with the input itself, each with its output shape and cost. Throws a
 * readable error for impossible shapes.
 */
export function archNodes(arch: ArchSpec, inputShape: Shape): NodeInfo[] {
  return layerNodes(networkLayers(arch), inputShape, arch.name);
}

/** The nodes of any network's layers (`networkLayers`, the race's) for an input of shape (N, 1, H, W). */
export function layerNodes(layers: readonly LayerSpec[], inputShape: Shape, name: string): NodeInfo[] {
  if (inputShape.length !== 4) throw new Error(`${name} takes a 4-D input (N, C, H, W), got ${inputShape.length}-D`);
  for (const v of inputShape) {
    if (!Number.isInteger(v) || v < 1)
      throw new Error(`Every size must be a positive integer, got (${inputShape.join(', ')})`);
  }
  if (inputShape[1] !== 1) throw new Error(`${name} here takes 1 channel (gray images), got ${inputShape[1]}`);
  const input: NodeInfo = {
    path: 'input',
    op: 'input',
    shape: inputShape,
    inputs: [],
    params: { paramCount: 0 },
    stage: 'input',
    label: 'X',
    multiplyAdds: 0,
    bytes: 4 * product(inputShape),
  };
  const nodes = [input];
  const shapes = new Map<string, Shape>([['input', inputShape]]);
  for (const l of layers) {
    const node = layerNode(
      l,
      l.inputs.map((p) => shapes.get(p) as Shape),
    );
    if (node.shape.some((v) => v < 1)) throw new Error(`The input (${inputShape.join(', ')}) is too small for ${name}`);
    shapes.set(l.path, node.shape);
    nodes.push(node);
  }
  return nodes;
}
