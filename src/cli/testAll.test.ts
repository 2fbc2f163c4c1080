import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AFTER_CHECKS, E2E_WORKERS, runStages, TEST_STAGES, type Stage } from './testAll';

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

  it('one stage: the unit tests beside the builds and beside the checks; the end-to-end tests after both builds, on two workers', () => {
    expect(TEST_STAGES).toHaveLength(1);
    const lanes = Object.fromEntries(TEST_STAGES[0]!.map((l) => [l.name, l.commands.map((c) => c.join(' '))]));
    expect(lanes['build']).toEqual(['vite build', 'vite build --mode e2e', `playwright test --workers=${E2E_WORKERS}`]);
    for (const c of ['tsc -p tsconfig.json --noEmit', 'eslint .', 'prettier --check .'])
      expect(lanes['check']).toContain(c);
    expect(E2E_WORKERS).toBe(2);
  });

  it('runs every unit test file once: the slowest after the checks, the rest beside them', () => {
    const vitest = TEST_STAGES[0]!.flatMap((l) =>
      l.commands.filter((c) => c[0] === 'vitest').map((c) => [l, c] as const),
    );
    expect(vitest.map(([l, c]) => [l.name, c.slice(0, 2).join(' ')])).toEqual([
      ['unit', 'vitest run'],
      ['check', 'vitest run'],
    ]);
    const [[, unit], [check, afterChecks]] = vitest as [(typeof vitest)[0], (typeof vitest)[0]];
    // the unit lane leaves out exactly the files the check lane runs, and the check lane runs them last
    expect(unit.slice(2)).toEqual(AFTER_CHECKS.flatMap((f) => ['--exclude', f]));
    expect(afterChecks.slice(2)).toEqual(AFTER_CHECKS);
    expect(check.commands.at(-1)).toBe(afterChecks);
    for (const f of AFTER_CHECKS) expect(existsSync(f), f).toBe(true);
  });
});
