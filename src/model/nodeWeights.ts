/** Reading a weights folder (model.json + shards) from disk, for Node: tests and the CLI. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStateDict, type LoadedWeights } from './weights';

export function loadStateDictFromDir(dir: string): Promise<LoadedWeights> {
  return loadStateDict(
    join(dir, 'model.json'),
    async (p) => readFileSync(p, 'utf8'),
    async (p) => {
      const b = readFileSync(p);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    },
  );
}
