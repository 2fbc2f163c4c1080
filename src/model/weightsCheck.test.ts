/**
 * Missing, cut-off and altered weight files are caught and named; weights without
 * checksums load, marked unverified. The loader runs against a stubbed `fetch`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomStateDict } from './network';
import { loadNetworkFromUrl } from './loadNetwork';
import { loadStateDict, verifyChecksums, WeightsFileError, type ModelJson } from './weights';
import { loadStateDictFromDir } from './nodeWeights';
import { useNodeBackend } from './testBackend';

beforeAll(async () => {
  await useNodeBackend();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const META = { inputSize: 64, classNames: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] };
const sha = (b: ArrayBuffer) => createHash('sha256').update(new Uint8Array(b)).digest('hex');

/** A random network exported as model.json + w.bin, with or without checksums. */
async function exported(withSums: boolean): Promise<{ model: ModelJson; data: ArrayBuffer }> {
  const dict = randomStateDict(3);
  const { data, specs } = await tf.io.encodeWeights(dict);
  tf.dispose(Object.values(dict));
  const meta = withSums ? { ...META, sha256: { 'w.bin': sha(data as ArrayBuffer) } } : META;
  return {
    model: { weightsManifest: [{ paths: ['w.bin'], weights: specs }], userDefinedMetadata: meta },
    data: data as ArrayBuffer,
  };
}

/** A fetch that serves model.json and w.bin from memory; other paths get the given status. */
function serve(files: Record<string, { body: string | ArrayBuffer; type?: string } | number>) {
  vi.stubGlobal('fetch', async (url: string) => {
    const f = files[url.slice(url.lastIndexOf('/') + 1)] ?? 404;
    if (typeof f === 'number') return new Response('Not found', { status: f });
    return new Response(f.body, { status: 200, headers: { 'content-type': f.type ?? 'application/octet-stream' } });
  });
}

const load = async (m: ModelJson, d: ArrayBuffer) =>
  loadStateDict(
    'm/model.json',
    async () => JSON.stringify(m),
    async () => d,
  );

describe('weights files checked against their recorded SHA-256', () => {
  it('loads and marks verified when every checksum matches', async () => {
    const { model, data } = await exported(true);
    const loaded = await load(model, data);
    expect(loaded.verified).toBe(true);
    tf.dispose(Object.values(loaded.stateDict));
  });

  it('loads weights without checksums, marked unverified', async () => {
    const { model, data } = await exported(false);
    const loaded = await load(model, data);
    expect(loaded.verified).toBe(false);
    tf.dispose(Object.values(loaded.stateDict));
  });

  it('names an altered file: same length, one byte changed', async () => {
    const { model, data } = await exported(true);
    const bad = data.slice(0);
    const bytes = new Uint8Array(bad);
    bytes[1234] = (bytes[1234] as number) ^ 1;
    const err = await load(model, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WeightsFileError);
    expect((err as WeightsFileError).problem).toMatchObject({ kind: 'altered', file: 'w.bin' });
  });

  it('names a truncated file, with and without checksums', async () => {
    for (const sums of [true, false]) {
      const { model, data } = await exported(sums);
      const err = await load(model, data.slice(0, 1000)).catch((e: unknown) => e);
      expect((err as WeightsFileError).problem, `checksums: ${sums}`).toMatchObject({
        kind: 'truncated',
        file: 'w.bin',
      });
      expect((err as WeightsFileError).problem.detail).toMatch(/^1000 of \d+ bytes/);
    }
  });

  it('rejects checksums that are not 64 hex digits', async () => {
    const { model, data } = await exported(true);
    const odd = { ...model, userDefinedMetadata: { ...META, sha256: { 'w.bin': 'abc' } } };
    const err = await load(odd, data).catch((e: unknown) => e);
    expect((err as WeightsFileError).problem).toMatchObject({ kind: 'invalid', file: 'model.json' });
  });

  it('the shipped model.json records the shipped file’s checksum, and it matches', async () => {
    const loaded = await loadStateDictFromDir('public/models/resnet18-fmnist');
    expect(loaded.verified).toBe(true);
    const bin = readFileSync('public/models/resnet18-fmnist/group1-shard1of1.bin');
    expect(loaded.model.userDefinedMetadata['sha256']).toEqual({
      'group1-shard1of1.bin': createHash('sha256').update(bin).digest('hex'),
    });
    tf.dispose(Object.values(loaded.stateDict));
    const paths = ['group1-shard1of1.bin'];
    expect(await verifyChecksums(loaded.model, paths, [new ArrayBuffer(8)]).catch((e: unknown) => e)).toBeInstanceOf(
      WeightsFileError,
    );
  });
});

describe('the page’s loader: every failure is a problem naming the file, with random weights', () => {
  it('a missing model.json (404) is a missing file, not "no weights shipped"', async () => {
    serve({});
    const r = await loadNetworkFromUrl('models/x/model.json');
    expect(r.problem).toMatchObject({ kind: 'missing', file: 'model.json', detail: 'HTTP 404' });
    expect(r.net.source.kind).toBe('random');
    r.net.dispose();
  });

  it('a server fallback page instead of model.json is a missing file', async () => {
    serve({ 'model.json': { body: '<!doctype html><title>app</title>', type: 'text/html' } });
    const r = await loadNetworkFromUrl('models/x/model.json');
    expect(r.problem).toMatchObject({ kind: 'missing', file: 'model.json' });
    r.net.dispose();
  });

  it('a missing weights file names that file', async () => {
    const { model } = await exported(true);
    serve({ 'model.json': { body: JSON.stringify(model), type: 'application/json' } });
    const r = await loadNetworkFromUrl('models/x/model.json');
    expect(r.problem).toMatchObject({ kind: 'missing', file: 'w.bin' });
    r.net.dispose();
  });

  it('a server error or a dropped connection is "could not be downloaded"', async () => {
    serve({ 'model.json': 503 });
    const r = await loadNetworkFromUrl('models/x/model.json');
    expect(r.problem).toMatchObject({ kind: 'unreachable', file: 'model.json', detail: 'HTTP 503' });
    r.net.dispose();
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const r2 = await loadNetworkFromUrl('models/x/model.json');
    expect(r2.problem).toMatchObject({ kind: 'unreachable', file: 'model.json', detail: 'Failed to fetch' });
    r2.net.dispose();
  });

  it('an altered weights file gives random weights and the problem; good files give trained, verified weights', async () => {
    const { model, data } = await exported(true);
    const bad = data.slice(0);
    const bytes = new Uint8Array(bad);
    bytes[7] = (bytes[7] as number) ^ 0xff;
    serve({ 'model.json': { body: JSON.stringify(model) }, 'w.bin': { body: bad } });
    const r = await loadNetworkFromUrl('models/x/model.json');
    expect(r.problem).toMatchObject({ kind: 'altered', file: 'w.bin' });
    expect(r.net.source.kind).toBe('random');
    r.net.dispose();
    serve({ 'model.json': { body: JSON.stringify(model) }, 'w.bin': { body: data } });
    const ok = await loadNetworkFromUrl('models/x/model.json');
    expect(ok.problem).toBeUndefined();
    expect(ok.unverified).toBeUndefined();
    expect(ok.net.source.kind).toBe('trained');
    ok.net.dispose();
  });

  it('weights without checksums load as trained, marked unverified', async () => {
    const { model, data } = await exported(false);
    serve({ 'model.json': { body: JSON.stringify(model) }, 'w.bin': { body: data } });
    const r = await loadNetworkFromUrl('models/x/model.json');
    expect(r.problem).toBeUndefined();
    expect(r.unverified).toBe(true);
    expect(r.net.source.kind).toBe('trained');
    r.net.dispose();
  });
});
