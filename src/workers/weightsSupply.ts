/**
 * The model worker's weights in the browser: the shipped files, downloaded once per worker
 * (from the start, while the backends race, and kept to rebuild the network after a lost
 * device), or the person's own files.
 */
import { networkFromFiles } from '../model/fileWeights';
import { fetchShippedWeights, loadNetworkFromUrl } from '../model/loadNetwork';
import { shippedModel } from '../model/shipped';
import { archSpec, type ArchId } from '../model/variants';
import type { WeightFiles } from '../model/weights';
import type { WeightsSupply } from './modelRuntime';
import { DEFAULT_INPUT_SIZE } from '../model/inputSizes';

export function browserWeights(
  modelUrl: string,
  arch: ArchId,
  onProgress: (fraction: number) => void,
): WeightsSupply & { prefetch(): void } {
  let shipped: Promise<WeightFiles> | undefined;
  /** The shipped weights' files: one download per worker, started on first use. */
  const shippedFiles = (): Promise<WeightFiles> => {
    if (!shipped) {
      const files = fetchShippedWeights(modelUrl, onProgress);
      // a failed download (school wifi) is tried again the next time the network is built
      files.catch(() => {
        if (shipped === files) shipped = undefined;
      });
      shipped = files;
    }
    return shipped;
  };
  return {
    prefetch: () => {
      if (shippedModel(arch)) void shippedFiles();
    },
    trainedSize: async () => {
      try {
        const size = shippedModel(arch)
          ? (await shippedFiles()).model.userDefinedMetadata['inputSize']
          : ((await (await fetch(modelUrl)).json()) as { userDefinedMetadata?: { inputSize?: unknown } })
              .userDefinedMetadata?.inputSize;
        return typeof size === 'number' ? size : DEFAULT_INPUT_SIZE;
      } catch {
        return DEFAULT_INPUT_SIZE;
      }
    },
    shipped: () => loadNetworkFromUrl(modelUrl, undefined, archSpec(arch), shippedFiles()),
    fromFiles: (files) =>
      networkFromFiles(
        files.map((f) => ({
          name: f.name,
          text: () => Promise.resolve(new TextDecoder().decode(f.bytes)),
          bytes: () => Promise.resolve(f.bytes),
        })),
      ),
  };
}
