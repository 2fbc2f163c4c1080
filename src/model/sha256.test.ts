import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256Js } from './sha256';

const enc = (s: string) => new TextEncoder().encode(s);

describe('SHA-256 in JavaScript (for pages without crypto.subtle)', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(sha256Js(enc(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Js(enc('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Js(enc('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Js(new Uint8Array(1_000_000).fill(0x61))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with Node for every tail length around the block boundaries', () => {
    const data = randomBytes(300);
    for (let n = 0; n <= 300; n++) {
      const part = data.subarray(0, n);
      expect(sha256Js(part), `${n} bytes`).toBe(createHash('sha256').update(part).digest('hex'));
    }
  });

  it('hashes a view into a larger buffer by its own bytes only', () => {
    const big = randomBytes(1000);
    const view = new Uint8Array(big.buffer, big.byteOffset + 3, 500);
    expect(sha256Js(view)).toBe(createHash('sha256').update(view).digest('hex'));
  });

  it('gives the same digest with and without crypto.subtle, on the shipped weights', async () => {
    const b = readFileSync('public/models/resnet18-fmnist/group1-shard1of1.bin');
    const buf = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    const expected = createHash('sha256').update(b).digest('hex');
    expect(await sha256Hex(buf)).toBe(expected);
    expect(await sha256Hex(buf, null)).toBe(expected);
  });
});
