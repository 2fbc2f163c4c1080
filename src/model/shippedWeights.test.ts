import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';

const DEFAULT_WEIGHTS_DIR = fileURLToPath(new URL('../../public/models/resnet18-fmnist', import.meta.url));

describe('the shipped weights', () => {
  it("say which architecture they are and carry every weights file's SHA-256, keyed by its manifest path", () => {
    const model = JSON.parse(readFileSync(`${DEFAULT_WEIGHTS_DIR}/model.json`, 'utf8')) as {
      weightsManifest: { paths: string[] }[];
      userDefinedMetadata: { arch: string; sha256: Record<string, string> };
    };
    const paths = model.weightsManifest.flatMap((g) => g.paths);
    expect(model.userDefinedMetadata.arch).toBe('resnet18');
    expect(Object.keys(model.userDefinedMetadata.sha256)).toEqual(paths);
    for (const p of paths) {
      const hash = createHash('sha256')
        .update(readFileSync(`${DEFAULT_WEIGHTS_DIR}/${p}`))
        .digest('hex');
      expect(model.userDefinedMetadata.sha256[p], p).toBe(hash);
    }
  });
});
