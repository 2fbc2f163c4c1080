/**
 * Plain data types shared by the model, the teaching logic and the drawing code.
 * Nothing here imports tfjs: `src/viz` may use these types without touching the model.
 */

/** A shape in the notebook's PyTorch order: (N, C, H, W) for images, (N, F) after flatten. */
export type Shape = readonly number[];

/** The kinds of operation the notebook's ResNets are built from. */
export type OpKind = 'input' | 'conv' | 'batchnorm' | 'relu' | 'maxpool' | 'add' | 'avgpool' | 'flatten' | 'linear';

/** The names of the tfjs backends, in the order the app tries them. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** A tensor copied out of tfjs, in (N, C, H, W) order, row-major. */
export interface PlainTensor {
  readonly shape: Shape;
  readonly data: Float32Array;
}

/** Hyper-parameters of one traced operation, for labels and shape arithmetic. */
export interface OpParams {
  readonly kernel?: number;
  readonly stride?: number;
  readonly padding?: number;
  readonly inChannels?: number;
  readonly outChannels?: number;
  /** Number of learned parameters (weights + biases; BN counts γ and β). */
  readonly paramCount: number;
}

/** Static description of one node of the traced graph (no tensor). */
export interface NodeInfo {
  /** Stable path, e.g. `b1.conv`, `b3.0.conv3`, `b3.0.add`, `linear`. */
  readonly path: string;
  readonly op: OpKind;
  /** Output shape, (N, C, H, W) or (N, F). */
  readonly shape: Shape;
  /** Paths of the nodes this one reads; an addition has two. */
  readonly inputs: readonly string[];
  readonly params: OpParams;
  /** The notebook's variable this node lives in: `b1`…`b5`, or `head` for pooling, flatten, linear. */
  readonly stage: string;
  /** Index of the residual block inside its stage, when the node is inside one. */
  readonly block?: number;
  /** What the page calls it: `Conv2d`, `conv1`, `Y += X`, `relu(Y)`. */
  readonly label: string;
  /** Inside a block: the id of the code line that computes it (`fwd.y1`, `fwd.shortcut`, `fwd.add`…). */
  readonly line?: string;
  /** Multiply-adds it computes: a convolution N·C_out·H_out·W_out·C_in·k², the linear layer N·in·out, else 0. */
  readonly multiplyAdds: number;
  /** Bytes of its output at float32. */
  readonly bytes: number;
}

/**
 * A residual block's data path by layer name, as the block diagrams draw it (generated from
 * the block's description in src/model/blocks.ts): the main path's layers in order, its last
 * convolution (the shortcut's is drawn above it), the shortcut's 1×1 convolution, the
 * addition and the block's output.
 */
export interface BlockPath {
  readonly main: readonly string[];
  readonly lastConv: string;
  readonly shortcut: string;
  readonly add: string;
  readonly out: string;
}

/** Metadata shipped with trained weights (`userDefinedMetadata` of model.json). */
export interface WeightsMetadata {
  readonly inputSize: number;
  readonly classNames: readonly string[];
  readonly classNamesZh?: readonly string[];
  readonly heldOutRule?: string;
  readonly testAccuracy?: number;
  readonly testAccuracyFloat32?: number;
  readonly [key: string]: unknown;
}

/** Where the weights in use came from. */
export type WeightsSource =
  | {
      readonly kind: 'trained';
      readonly url: string;
      readonly metadata: WeightsMetadata;
      /** Weights the person chose from their own files (never uploaded anywhere). */
      readonly yours?: boolean;
    }
  | { readonly kind: 'random'; readonly seed: number; readonly reason?: string };

/*
 * The architecture diagram's plain input: computed from the stepper's steps by
 * src/explain/stepper/diagramInput.ts, laid out by src/viz/architectureDiagram.ts.
 */

export interface DiagramNode {
  readonly id: string;
  readonly label: string;
  readonly shape: Shape;
  readonly params: number;
  /** Multiply-adds of the step (a group's sum) and bytes of its output, for the box's tooltip. */
  readonly multiplyAdds?: number;
  readonly bytes?: number;
  readonly op?: OpKind;
  /** Marks the 1×1 projection on a skip connection. */
  readonly shortcut?: boolean;
  /** A second drawing of a node already shown (not announced twice to screen readers). */
  readonly mirror?: boolean;
}

export interface DiagramInput {
  readonly overview: readonly DiagramNode[];
  /** The opened group: its nodes in order; `kind` says how to draw them (none after b5). */
  readonly detail?: {
    readonly kind: 'chain' | 'blocks' | 'block';
    readonly parentId: string;
    readonly nodes: readonly DiagramNode[];
  };
  /** The step shown now and its ancestors (highlighted). */
  readonly current: string;
  readonly ancestors: readonly string[];
}
