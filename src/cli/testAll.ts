/**
 * `npm test`: every test, in three lanes side by side on a 2-core machine. The unit tests run
 * in one Vitest worker. The build lane makes both builds first and then runs the end-to-end
 * tests on them, two Playwright workers (one left the machine about 40 % idle). The check lane
 * runs types, lint, formatting and import circles, then the slowest unit files
 * (`AFTER_CHECKS`), so the unit and check lanes end while the end-to-end tests still run.
 * Each line of output says which lane printed it; the first lane to fail stops the others and
 * the run exits 1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** One command: a program from `node_modules/.bin` (or on PATH) and its arguments. */
export type Command = readonly [string, ...string[]];

/** Commands run one after another; a lane stops at its first failure. */
export interface Lane {
  readonly name: string;
  readonly commands: readonly Command[];
}

/** The lanes of one stage run side by side; the next stage starts when all of them passed. */
export type Stage = readonly Lane[];

/**
 * Unit test files the check lane runs after its checks; the unit lane runs every other file,
 * so the two end at about the same time. Each must name a file (testAll.test.ts checks): a
 * renamed one would otherwise drop out of both lanes.
 */
export const AFTER_CHECKS: readonly string[] = [
  'src/explain/race/gradCheck.cpu.test.ts',
  'src/cli/trace.test.ts',
  'src/model/backendRace.test.ts',
];

/** Playwright workers: two, each with its own browser (playwright.config.ts keeps one by default). */
export const E2E_WORKERS = 2;

export const TEST_STAGES: readonly Stage[] = [
  [
    { name: 'unit', commands: [['vitest', 'run', ...AFTER_CHECKS.flatMap((f) => ['--exclude', f])]] },
    {
      name: 'build',
      commands: [
        ['vite', 'build'],
        ['vite', 'build', '--mode', 'e2e'],
        ['playwright', 'test', `--workers=${E2E_WORKERS}`],
      ],
    },
    {
      name: 'check',
      commands: [
        ['tsc', '-p', 'tsconfig.json', '--noEmit'],
        ['eslint', '.'],
        ['prettier', '--check', '.'],
        ['tsx', 'src/cli/importCircles.ts'],
        ['vitest', 'run', ...AFTER_CHECKS],
      ],
    },
  ],
];

/** Prints a child's output line by line, each line after its lane's name. */
function relay(child: ChildProcess, name: string, out: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) out(`[${name}] ${line}`);
    });
    stream?.on('end', () => rest && out(`[${name}] ${rest}`));
  }
}

/**
 * Runs the stages; resolves to the first failure ("lane: command exited N"), or undefined when
 * every command passed. A failure ends the other lanes of its stage at once.
 */
export async function runStages(
  stages: readonly Stage[],
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<string | undefined> {
  for (const stage of stages) {
    const running = new Set<ChildProcess>();
    let failure: string | undefined;
    const runLane = async (lane: Lane) => {
      for (const [program, ...args] of lane.commands) {
        if (failure) return;
        const started = Date.now();
        out(`[${lane.name}] $ ${[program, ...args].join(' ')}`);
        const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
        running.add(child);
        relay(child, lane.name, out);
        const status = await new Promise<number | string>((resolve) => {
          child.on('error', (e) => resolve(e.message));
          child.on('close', (code, signal) => resolve(code ?? signal ?? 'killed'));
        });
        running.delete(child);
        const seconds = Math.round((Date.now() - started) / 1000);
        if (status === 0) {
          out(`[${lane.name}] ✓ ${program} in ${seconds} s`);
          continue;
        }
        if (!failure) {
          failure = `${lane.name}: ${[program, ...args].join(' ')} ${typeof status === 'number' ? `exited ${status}` : `failed (${status})`}`;
          for (const other of running) other.kill('SIGTERM');
        }
        return;
      }
    };
    await Promise.all(stage.map(runLane));
    if (failure) return failure;
  }
  return undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // the project's own tools first
  process.env['PATH'] = `${process.cwd()}/node_modules/.bin:${process.env['PATH'] ?? ''}`;
  const started = Date.now();
  void runStages(TEST_STAGES).then((failure) => {
    const minutes = ((Date.now() - started) / 60_000).toFixed(1);
    if (failure) {
      process.stderr.write(`npm test failed after ${minutes} min: ${failure}\n`);
      process.exit(1);
    }
    process.stdout.write(`npm test passed in ${minutes} min\n`);
  });
}
