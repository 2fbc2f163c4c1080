/**
 * PyTorch's reference landscapes (training/landscape.py `deep`): plain-56 and residual-56 trained
 * with the race's recipe, their surfaces on the page's seeded directions, shipped as
 * public/race/landscape-56.json and drawn beside the student's.
 */
import { raceDepth, type RaceFamily } from '../../model/raceNet';
import type { LandscapeRun } from './compute';

export const LANDSCAPE_REFERENCE_FILE = 'race/landscape-56.json';

export interface LandscapeReference {
  readonly source: string;
  readonly recipe: { readonly width: number; readonly steps: number; readonly batch: number };
  readonly directionSeed: number;
  readonly images: number;
  readonly grid: { readonly size: number };
  /** Each run's training steps too (a run may have been trained shorter than the recipe says). */
  readonly runs: readonly (LandscapeRun & { readonly valAccuracy: number; readonly steps: number })[];
}

interface ReferenceFile {
  source: string;
  recipe: { width: number; steps: number; batch: number };
  directionSeed: number;
  images: number;
  grid: { size: number; min: number; max: number };
  /** `size`, `steps`: the run's own grid and training steps, where they differ from `grid.size` and `recipe.steps`. */
  runs: { family: RaceFamily; n: number; valAccuracy: number; size?: number; steps?: number; loss: number[] }[];
}

/** The file's contents as the page's runs; a file of another shape is refused with a readable message. */
export function parseLandscapeReference(json: unknown): LandscapeReference {
  const f = json as ReferenceFile;
  const size = f?.grid?.size;
  const sizeOf = (r: ReferenceFile['runs'][number]) => r.size ?? size;
  if (!Number.isInteger(size) || !Array.isArray(f.runs) || f.runs.some((r) => r.loss?.length !== sizeOf(r) ** 2))
    throw new Error('the landscape reference file is not in the expected shape');
  return {
    source: f.source,
    recipe: f.recipe,
    directionSeed: f.directionSeed,
    images: f.images,
    grid: { size },
    runs: f.runs.map((r) => ({
      id: `${r.family}-${r.n}`,
      family: r.family,
      depth: raceDepth(r.n),
      size: sizeOf(r),
      loss: r.loss,
      valAccuracy: r.valAccuracy,
      steps: r.steps ?? f.recipe.steps,
    })),
  };
}
