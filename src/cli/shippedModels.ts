/**
 * `npm run shipped-models`: read every `public/models/<folder>/model.json` and write
 * `src/model/shippedModels.ts`, the facts the page needs before downloading anything (which
 * networks are trained, their held-out accuracy, input size and download size). Run it after
 * training/export.py writes a network; a unit test fails while the file is stale.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { ARCHITECTURES, isArchId } from '../model/variants';
import type { ShippedModel } from '../model/shippedModels';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MODELS_DIR = join(REPO_ROOT, 'public', 'models');
export const OUTPUT = join(REPO_ROOT, 'src', 'model', 'shippedModels.ts');

interface ModelJson {
  readonly weightsManifest: readonly { readonly paths: readonly string[] }[];
  readonly userDefinedMetadata: Record<string, unknown>;
}

/** The shipped networks in the page's order of variants, from the files in `dir`. */
export function readShippedModels(dir: string = MODELS_DIR): ShippedModel[] {
  const rows: ShippedModel[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const path = join(dir, folder, 'model.json');
    if (!existsSync(path)) continue;
    const model = JSON.parse(readFileSync(path, 'utf8')) as ModelJson;
    const meta = model.userDefinedMetadata;
    const { arch, inputSize, testAccuracy, testImages, epochs } = meta;
    if (typeof arch !== 'string' || !isArchId(arch)) throw new Error(`${path}: "arch" is not a known variant`);
    if (typeof inputSize !== 'number' || typeof testAccuracy !== 'number' || typeof testImages !== 'number') {
      throw new Error(`${path}: the metadata needs inputSize, testAccuracy and testImages (training/export.py)`);
    }
    const weightBytes = model.weightsManifest
      .flatMap((g) => g.paths)
      .reduce((sum, p) => sum + statSync(join(dir, folder, p)).size, 0);
    rows.push({
      arch,
      folder,
      inputSize,
      testAccuracy,
      testImages,
      weightBytes,
      ...(typeof epochs === 'number' ? { epochs } : {}),
    });
  }
  const order = ARCHITECTURES.map((a) => a.id);
  return rows.sort((a, b) => order.indexOf(a.arch) - order.indexOf(b.arch));
}

/** The rows' type, written with them (shipped.ts reads both, so the two files need not import each other). */
const SHIPPED_MODEL_TYPE = `/** One shipped network: where it lives and what export.py measured. */
export interface ShippedModel {
  readonly arch: ArchId;
  /** Its folder under \`public/models/\`. */
  readonly folder: string;
  /** The input size it was trained at (the page's default size for it). */
  readonly inputSize: number;
  /** Held-out accuracy of the shipped (dequantized) weights, in [0, 1]. */
  readonly testAccuracy: number;
  /** How many held-out images that accuracy was measured on. */
  readonly testImages: number;
  /** Bytes of its weight files (what choosing it downloads). */
  readonly weightBytes: number;
  /** How many epochs it was trained for, when its checkpoint recorded it. */
  readonly epochs?: number;
}`;

/** The source of `shippedModels.ts` for `rows`, formatted as the repository's prettier wants. */
export async function shippedModelsSource(rows: readonly ShippedModel[]): Promise<string> {
  const text = `/** Written by \`npm run shipped-models\` from public/models/<folder>/model.json: do not edit. */
import type { ArchId } from './variants';

${SHIPPED_MODEL_TYPE}

export const SHIPPED_MODELS: readonly ShippedModel[] = ${JSON.stringify(rows)};
`;
  return format(text, { ...(await resolveConfig(OUTPUT)), parser: 'typescript' });
}

async function main(): Promise<void> {
  const rows = readShippedModels();
  writeFileSync(OUTPUT, await shippedModelsSource(rows));
  for (const r of rows) {
    process.stdout.write(
      `${r.arch}: ${r.folder}, ${r.inputSize}×${r.inputSize}, ${(100 * r.testAccuracy).toFixed(2)} % on ${r.testImages} held-out images, ${r.weightBytes} bytes\n`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) void main();
