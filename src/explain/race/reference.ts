/**
 * The committed reference runs (training/race.py, PyTorch): the same networks, data,
 * order and recipe, trained for longer. One file per budget; a race is compared with the
 * file whose recipe it shares.
 */
import gpuFile from './reference.json';
import cpuFile from './reference-cpu.json';
import type { RaceConfig } from './setup';

export interface ReferenceRun {
  readonly family: string;
  readonly n: number;
  readonly depth: number;
  /** Training loss of every step. */
  readonly loss: readonly number[];
  /** [step, validation accuracy] pairs. */
  readonly val: readonly (readonly number[])[];
  readonly secondsPerStep: number;
}

export interface ReferenceFile {
  readonly source: string;
  readonly recipe: {
    readonly width: number;
    readonly steps: number;
    readonly batch: number;
    readonly lr: number;
    readonly momentum: number;
    readonly seed: number;
  };
  readonly runs: readonly ReferenceRun[];
}

export const REFERENCE_FILES: readonly ReferenceFile[] = [gpuFile, cpuFile];

/** The reference file with this race's recipe (width, batch, learning rate, momentum), if any. */
export function referenceFor(
  cfg: Pick<RaceConfig, 'width' | 'batch' | 'learningRate' | 'momentum'>,
  files: readonly ReferenceFile[] = REFERENCE_FILES,
): ReferenceFile | undefined {
  return files.find(
    (f) =>
      f.recipe.width === cfg.width &&
      f.recipe.batch === cfg.batch &&
      f.recipe.lr === cfg.learningRate &&
      f.recipe.momentum === cfg.momentum,
  );
}
