import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AFTER_BUILDS, runStages, TEST_STAGES, type Stage } from './testAll';

const node = (code: string) => ['node', '-e', code] as const;

describe('npm test’s stages', () => {
  it('runs the lanes of a stage side by side, each line after its lane, then the next stage', async () => {
    // lane a finishes only after lane b's third command has run: one after the other, a would wait forever
    const flag = join(mkdtempSync(join(tmpdir(), 'lanes-')), 'b2');
    const lines: string[] = [];
    const stages: Stage[] = [
      [
        {
          name: 'a',
          commands: [
            node(
              `const f=${JSON.stringify(flag)},t=Date.now();(function w(){require('fs').existsSync(f)?console.log('a done'):Date.now()-t>120000?process.exit(9):setTimeout(w,50)})()`,
            ),
          ],
        },
        {
          name: 'b',
          commands: [
            node('console.log("b1")'),
            node('console.log("b2")'),
            // the flag comes from a third command: b2's line has been read (its process closed) before a can finish
            node(`require('fs').writeFileSync(${JSON.stringify(flag)}, '')`),
          ],
        },
      ],
      [{ name: 'c', commands: [node('console.log("c")')] }],
    ];
    expect(await runStages(stages, (l) => lines.push(l))).toBeUndefined();
    const at = (l: string) => lines.indexOf(l);
    expect(at('[b] b1')).toBeLessThan(at('[b] b2'));
    expect(at('[b] b2')).toBeLessThan(at('[a] a done'));
    expect(at('[a] a done')).toBeLessThan(at('[c] c'));
  }, 180_000);

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
    for (const c of ['tsc -p tsconfig.json --noEmit', 'eslint .', 'vite build', 'vite build --mode e2e'])
      expect(all).toContain(c);
    expect(second!.flatMap((l) => l.commands.map((c) => c[0]))).toEqual(['playwright']);
  });

  it('runs every unit test file once: the slowest after the builds, the rest beside them', () => {
    const vitest = TEST_STAGES[0]!.flatMap((l) =>
      l.commands.filter((c) => c[0] === 'vitest').map((c) => [l, c] as const),
    );
    expect(vitest.map(([l, c]) => [l.name, c.slice(0, 2).join(' ')])).toEqual([
      ['unit', 'vitest run'],
      ['build', 'vitest run'],
    ]);
    const [[, unit], [build, afterBuilds]] = vitest as [(typeof vitest)[0], (typeof vitest)[0]];
    // the unit lane leaves out exactly the files the build lane runs, and the build lane runs them last
    expect(unit.slice(2)).toEqual(AFTER_BUILDS.flatMap((f) => ['--exclude', f]));
    expect(afterBuilds.slice(2)).toEqual(AFTER_BUILDS);
    expect(build.commands.at(-1)).toBe(afterBuilds);
    for (const f of AFTER_BUILDS) expect(existsSync(f), f).toBe(true);
  });
});
