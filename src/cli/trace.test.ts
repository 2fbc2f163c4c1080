import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const run = (args: string[]) =>
  execFileSync('npx', ['tsx', 'src/cli/trace.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('npm run trace', () => {
  it("prints exactly the seed's cell-9 output with no arguments", () => {
    const expected = readFileSync(new URL('../explain/__fixtures__/seed-cell9.txt', import.meta.url), 'utf8');
    expect(run([])).toBe(expected);
  });

  it('--json gives one JSON document with every node, logits and probabilities', () => {
    const doc = JSON.parse(run(['--json', '--shape', '2,1,32,32'])) as {
      nodes: { path: string; op: string; shape: number[] }[];
      logits: number[][];
      probabilities: number[][];
    };
    expect(doc.nodes[0]).toEqual({ path: 'input', op: 'input', shape: [2, 1, 32, 32] });
    expect(doc.nodes.find((n) => n.path === 'b3.0.conv3')).toEqual({
      path: 'b3.0.conv3',
      op: 'conv',
      shape: [2, 128, 4, 4],
    });
    expect(doc.logits).toHaveLength(2);
    for (const p of doc.probabilities) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('says on stderr that WebAssembly runs on one thread in Node', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/trace.ts', '--shape', '1,1,32,32'], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/backend: wasm \(tfjs's WebAssembly backend is single-threaded in Node/);
  });

  it('rejects an impossible shape with a clear message', () => {
    expect(() => run(['--shape', '1,3,224,224'])).toThrow(/1 channel/);
  });

  it("--image gives the trained network's logits, as PyTorch computes them for the same picture", () => {
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
    const doc = JSON.parse(run(['--image', file, '--json'])) as { logits: number[][]; input: { shape: number[] } };
    const mine = doc.logits[0] as number[];
    const err = Math.hypot(...mine.map((v, i) => v - (sample.logits[i] as number))) / Math.hypot(...sample.logits);
    expect(err).toBeLessThanOrEqual(1e-3);
  });

  it('says so when the picture is not a PNG', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'trace-')), 'not.png');
    writeFileSync(file, 'hello');
    expect(() => run(['--image', file])).toThrow(/not a readable PNG/);
  });
});
