/**
 * The page's copy of the tensors it has read from the model worker: each node is asked
 * for once, repeats are served from here (stepping back and forth stays instant), and
 * the least recently used are dropped beyond a byte limit.
 */
import type { PlainTensor } from '../model/types';

/** Enough for every node at 64×64 and the largest few at 224×224. */
export const CACHE_BYTES = 64 * 1024 * 1024;

export class ReadCache {
  private readonly entries = new Map<string, { promise: Promise<PlainTensor>; bytes: number }>();
  private bytes = 0;

  /** `load` fetches one node; `bytesOf` says how large it will be, before it arrives. */
  constructor(
    private readonly load: (path: string) => Promise<PlainTensor>,
    private readonly bytesOf: (path: string) => number,
    private readonly limitBytes = CACHE_BYTES,
  ) {}

  read(path: string): Promise<PlainTensor> {
    const hit = this.entries.get(path);
    if (hit) {
      this.entries.delete(path); // re-insert: most recently used last
      this.entries.set(path, hit);
      return hit.promise;
    }
    const promise = this.load(path);
    const entry = { promise, bytes: this.bytesOf(path) };
    // a failed read (a stale trace, a lost device) is not kept: the next read asks again
    promise.catch(() => {
      if (this.entries.get(path) === entry) this.drop(path);
    });
    this.entries.set(path, entry);
    this.bytes += entry.bytes;
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.limitBytes || this.entries.size <= 1) break;
      this.drop(key);
    }
    return promise;
  }

  get cachedPaths(): string[] {
    return [...this.entries.keys()];
  }

  private drop(path: string): void {
    this.bytes -= this.entries.get(path)?.bytes ?? 0;
    this.entries.delete(path);
  }
}
