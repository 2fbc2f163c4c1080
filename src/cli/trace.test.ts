import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const run = (args: string[]) =>
  execFileSync('npx', ['tsx', 'src/cli/trace.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('npm run trace', () => {
  it('prints exactly the seed\'s cell-9 output with no arguments', () => {
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
    expect(doc.nodes.find((n) => n.path === 'b3.0.conv3')).toEqual({ path: 'b3.0.conv3', op: 'conv', shape: [2, 128, 4, 4] });
    expect(doc.logits).toHaveLength(2);
    for (const p of doc.probabilities) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('rejects an impossible shape with a clear message', () => {
    expect(() => run(['--shape', '1,3,224,224'])).toThrow(/1 channel/);
  });
});
