/**
 * The trained networks the page ships (`public/models/<folder>/`), as facts read from each
 * model.json's metadata by `npm run shipped-models` (`shippedModels.ts`, generated). ResNet-18
 * is precached with the page; every other trained network is downloaded only when a person
 * chooses it, and cached from then on (vite.config.ts). Networks not listed run untrained.
 */
import { SHIPPED_MODELS, type ShippedModel } from './shippedModels';
import { RESNET18, type ArchId } from './variants';

export type { ShippedModel };

export { SHIPPED_MODELS };

/** The shipped weights of a variant, if it is trained. */
export function shippedModel(arch: ArchId): ShippedModel | undefined {
  return SHIPPED_MODELS.find((m) => m.arch === arch);
}

/** Its model.json, relative to the page (`models/resnet34-fmnist/model.json`). */
export function shippedModelUrl(arch: ArchId): string | undefined {
  const m = shippedModel(arch);
  return m && `models/${m.folder}/model.json`;
}

/**
 * Folders under `public/` downloaded only when their network is chosen (every trained
 * network but the default ResNet-18, which the page precaches).
 */
export function onDemandModelFolders(): string[] {
  return SHIPPED_MODELS.filter((m) => m.arch !== RESNET18.id).map((m) => `models/${m.folder}`);
}

/** "trained, N % held-out" or "untrained": what the page says of a variant's weights. */
export type TrainingStatus =
  { readonly kind: 'trained'; readonly accuracy: number; readonly images: number } | { readonly kind: 'untrained' };

export function trainingStatus(arch: ArchId): TrainingStatus {
  const m = shippedModel(arch);
  return m ? { kind: 'trained', accuracy: m.testAccuracy, images: m.testImages } : { kind: 'untrained' };
}

/** A percentage as the page writes held-out accuracies: one decimal (93.2). */
export function percent(fraction: number): string {
  return (fraction * 100).toFixed(1);
}
