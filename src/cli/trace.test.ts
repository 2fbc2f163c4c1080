import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CLI_TIMEOUT_MS, runTsx } from './runTsx';

/** `npm run trace` with `args`: its stdout, or an error with its stderr when it fails. */
async function run(args: string[]): Promise<string> {
  const r = await runTsx('src/cli/trace.ts', args);
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('npm run trace', { timeout: CLI_TIMEOUT_MS }, () => {
  it("prints exactly the notebook's cell-9 output with no arguments", async () => {
    const expected = readFileSync(new URL('../explain/__fixtures__/notebook-cell9.txt', import.meta.url), 'utf8');
    expect(await run([])).toBe(expected);
  });

  it('--json gives one JSON document with every node, logits and probabilities', async () => {
    const doc = JSON.parse(await run(['--json', '--shape', '2,1,32,32'])) as {
      nodes: { path: string; op: string; shape: number[] }[];
      logits: number[][];
      probabilities: number[][];
    };
    expect(doc.nodes[0]).toMatchObject({ path: 'input', op: 'input', shape: [2, 1, 32, 32] });
    expect(doc.nodes.find((n) => n.path === 'b3.0.conv3')).toEqual({
      path: 'b3.0.conv3',
      op: 'conv',
      shape: [2, 128, 4, 4],
      params: 64 * 128 + 128,
      multiplyAdds: 2 * 128 * 4 * 4 * 64,
      bytes: 4 * 2 * 128 * 4 * 4,
    });
    expect(doc.logits).toHaveLength(2);
    for (const p of doc.probabilities) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('says on stderr that WebAssembly runs on one thread in Node', async () => {
    const r = await runTsx('src/cli/trace.ts', ['--shape', '1,1,32,32']);
    expect(r.stderr).toMatch(/backend: wasm \(tfjs's WebAssembly backend is single-threaded in Node/);
  });

  it('rejects an impossible shape with a clear message', async () => {
    await expect(run(['--shape', '1,3,224,224'])).rejects.toThrow(/1 channel/);
  });

  it("--image gives the trained network's logits, as PyTorch computes them for the same picture", async () => {
    const golden = JSON.parse(
      readFileSync(new URL('../model/__fixtures__/golden-trace.json', import.meta.url), 'utf8'),
    ) as {
      inputs: { pixels28?: number[]; logits: number[] }[];
    };
    const sample = golden.inputs[0] as { pixels28: number[]; logits: number[] };
    const png = new PNG({ width: 28, height: 28 });
    sample.pixels28.forEach((v, i) => {
      png.data.set([v, v, v, 255], i * 4);
    });
    const file = join(mkdtempSync(join(tmpdir(), 'trace-')), 'sample.png');
    writeFileSync(file, PNG.sync.write(png));
    const doc = JSON.parse(await run(['--image', file, '--json'])) as {
      logits: number[][];
      input: { shape: number[] };
    };
    const mine = doc.logits[0] as number[];
    const err = Math.hypot(...mine.map((v, i) => v - (sample.logits[i] as number))) / Math.hypot(...sample.logits);
    expect(err).toBeLessThanOrEqual(1e-3);
  });

  it('says so when the picture is not a PNG', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'trace-')), 'not.png');
    writeFileSync(file, 'hello');
    await expect(run(['--image', file])).rejects.toThrow(/not a readable PNG/);
  });

  it('--arch resnet50 prints what PyTorch prints for the bottleneck network', async () => {
    const rows = JSON.parse(
      readFileSync(new URL('../model/__fixtures__/variants-table.json', import.meta.url), 'utf8'),
    ) as Record<string, { prints: string[]; params: number; multiplyAdds: number }>;
    expect(await run(['--arch', 'resnet50'])).toBe((rows['resnet50']?.prints ?? []).join('\n') + '\n');
    const doc = JSON.parse(await run(['--arch', 'resnet34', '--preact', '--json', '--shape', '1,1,224,224'])) as {
      arch: string;
      depth: number;
      totalParams: number;
      totalMultiplyAdds: number;
      activationBytes: number;
      stages: { name: string; params: number; multiplyAdds: number; bytes: number }[];
      nodes: { bytes: number }[];
    };
    const row = rows['resnet34-preact'];
    expect([doc.arch, doc.depth, doc.totalParams, doc.totalMultiplyAdds]).toEqual([
      'resnet34-preact',
      34,
      row?.params,
      row?.multiplyAdds,
    ]);
    expect(doc.activationBytes).toBe(doc.nodes.reduce((a, n) => a + n.bytes, 0));
    expect(doc.stages.map((s) => s.name)).toEqual(['input', 'b1', 'b2', 'b3', 'b4', 'b5', 'head']);
    expect(doc.stages.reduce((a, s) => a + s.params, 0)).toBe(row?.params);
  });

  it('refuses --preact for a bottleneck network and unknown flags, with the usage', async () => {
    await expect(run(['--arch', 'resnet101', '--preact'])).rejects.toThrow(
      /--preact exists for resnet18 and resnet34 only/,
    );
    await expect(run(['--depth', '3'])).rejects.toThrow(/Unknown option '--depth'[\s\S]*usage:/);
  });

  it('--shape with --image uses every dimension, or says why it cannot', async () => {
    const png = new PNG({ width: 28, height: 28 });
    png.data.fill(200);
    const file = join(mkdtempSync(join(tmpdir(), 'trace-')), 'gray.png');
    writeFileSync(file, PNG.sync.write(png));
    const doc = JSON.parse(await run(['--image', file, '--shape', '3,1,96,50', '--json'])) as {
      input: { shape: number[] };
    };
    expect(doc.input.shape).toEqual([3, 1, 96, 50]);
    await expect(run(['--image', file, '--shape', '3,7,96,50'])).rejects.toThrow(/C must be 1, got 7/);
  });
});
