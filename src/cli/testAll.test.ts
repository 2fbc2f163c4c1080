import { describe, expect, it } from 'vitest';
import { runStages, TEST_STAGES, type Stage } from './testAll';

const node = (code: string) => ['node', '-e', code] as const;

describe('npm test’s stages', () => {
  it('runs the lanes of a stage side by side, each line after its lane, then the next stage', async () => {
    const lines: string[] = [];
    const stages: Stage[] = [
      [
        { name: 'a', commands: [node('setTimeout(() => console.log("a done"), 300)')] },
        { name: 'b', commands: [node('console.log("b1")'), node('console.log("b2")')] },
      ],
      [{ name: 'c', commands: [node('console.log("c")')] }],
    ];
    expect(await runStages(stages, (l) => lines.push(l))).toBeUndefined();
    const at = (l: string) => lines.indexOf(l);
    // b finished both its commands while a still ran: side by side, not one after another
    expect(at('[b] b2')).toBeLessThan(at('[a] a done'));
    expect(at('[a] a done')).toBeLessThan(at('[c] c'));
  });

  it('stops at the first failure, ends the other lanes, and never starts the next stage', async () => {
    const lines: string[] = [];
    const stages: Stage[] = [
      [
        { name: 'slow', commands: [node('setTimeout(() => console.log("finished"), 20000)')] },
        { name: 'bad', commands: [node('process.exit(3)'), node('console.log("after")')] },
      ],
      [{ name: 'later', commands: [node('console.log("later")')] }],
    ];
    expect(await runStages(stages, (l) => lines.push(l))).toBe('bad: node -e process.exit(3) exited 3');
    expect(lines).not.toContain('[bad] after');
    expect(lines).not.toContain('[slow] finished');
    expect(lines).not.toContain('[later] later');
  });

  it('builds and checks beside the unit tests, and runs the end-to-end tests after both builds', () => {
    const [first, second] = TEST_STAGES;
    const all = first!.flatMap((l) => l.commands.map((c) => c.join(' ')));
    for (const c of ['vitest run', 'tsc -p tsconfig.json --noEmit', 'eslint .', 'vite build', 'vite build --mode e2e'])
      expect(all).toContain(c);
    expect(second!.flatMap((l) => l.commands.map((c) => c[0]))).toEqual(['playwright']);
  });
});
