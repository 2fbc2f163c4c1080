/**
 * PyTorch's whole stage outputs for fixed inputs (`training/golden.py` writes
 * `__fixtures__/golden-stages.json` and its float32 binary), and the relative error the
 * tests and the browser check hold every backend to. Plain data: no tfjs, no files.
 */

/** A stage of the notebook's `nn.Sequential` (`input`, `b1` … `b5`, `pool`, `linear`). */
export interface GoldenStageInfo {
  readonly name: string;
  /** The traced node whose output ends the stage, e.g. `b3.1.relu2`. */
  readonly node: string;
  /** NCHW, or (N, F) for the linear layer. */
  readonly shape: readonly number[];
}

/** The index file, `golden-stages.json`. */
export interface GoldenStagesIndex {
  readonly inputSize: number;
  readonly file: string;
  readonly stages: readonly GoldenStageInfo[];
  readonly inputs: readonly { readonly name: string; readonly label: number | null; readonly offset: number }[];
}

export interface GoldenStage extends GoldenStageInfo {
  /** PyTorch's output, flat NCHW. */
  readonly data: Float32Array;
}

export interface GoldenStageInput {
  readonly name: string;
  readonly label: number | null;
  /** In stage order; the first is the input itself. */
  readonly stages: readonly GoldenStage[];
}

/** Split the binary into inputs and stages as the index describes; throws if they disagree. */
export function parseGoldenStages(index: GoldenStagesIndex, bytes: Uint8Array): GoldenStageInput[] {
  const floats = (n: number, at: number) => {
    if (at + 4 * n > bytes.byteLength) throw new Error(`${index.file} is shorter than its index says`);
    // a copy, 4-byte aligned (Node's Buffer.slice would share its pool's memory)
    return new Float32Array(new Uint8Array(bytes.subarray(at, at + 4 * n)).buffer);
  };
  return index.inputs.map((inp) => {
    let at = inp.offset;
    const stages = index.stages.map((s) => {
      const n = s.shape.reduce((a, b) => a * b, 1);
      const data = floats(n, at);
      at += 4 * n;
      return { ...s, data };
    });
    return { name: inp.name, label: inp.label, stages };
  });
}

/** ‖a − b‖ / ‖b‖ (0 when both are zero); `Infinity` when the lengths differ. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    num += d * d;
    den += (b[i] as number) ** 2;
  }
  if (den === 0) return num === 0 ? 0 : Infinity;
  return Math.sqrt(num / den);
}
