/**
 * Which variant a set of weights is for: the `arch` of its metadata, else the variant
 * whose `state_dict` keys it has; and what does not fit, named the same way everywhere
 * (CLI, page).
 */
import { stateDictShapes } from './architecture';
import { stateDictProblems } from './network';
import { ARCHITECTURES, archSpec, isArchId, type ArchSpec } from './variants';

export interface WeightsFit {
  /** The variant the weights are checked against. */
  readonly arch: ArchSpec;
  /** Every problem with them for that variant; empty when they fit. */
  readonly problems: readonly string[];
}

/**
 * The variant for weights with these keys and shapes. `metadataArch` (model.json's
 * `userDefinedMetadata.arch`) wins when given; otherwise the variant whose keys match
 * best (fewest problems).
 */
export function fitWeights(shapes: Readonly<Record<string, readonly number[]>>, metadataArch?: unknown): WeightsFit {
  if (metadataArch !== undefined) {
    if (typeof metadataArch !== 'string' || !isArchId(metadataArch)) {
      const known = ARCHITECTURES.map((a) => a.id).join(', ');
      return {
        arch: archSpec('resnet18'),
        problems: [`the metadata names the architecture "${String(metadataArch)}", which is none of ${known}`],
      };
    }
    const arch = archSpec(metadataArch);
    return { arch, problems: stateDictProblems(shapes, arch) };
  }
  const keys = new Set(Object.keys(shapes).filter((k) => !k.endsWith('num_batches_tracked')));
  const overlap = (a: ArchSpec) => stateDictShapes(a).filter(([k]) => keys.has(k)).length;
  const best = [...ARCHITECTURES].sort((a, b) => {
    const pa = stateDictProblems(shapes, a).length;
    const pb = stateDictProblems(shapes, b).length;
    return pa - pb || overlap(b) - overlap(a);
  })[0] as ArchSpec;
  return { arch: best, problems: stateDictProblems(shapes, best) };
}
