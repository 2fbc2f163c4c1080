/**
 * `npm test`: every test, in two stages. First the unit tests run beside the checks and builds
 * that do not need them (types, lint, both builds): Vitest uses one worker on two cores, so the
 * other core builds meanwhile, then takes the slowest unit test files (`AFTER_BUILDS`) so both
 * lanes end together. Then the end-to-end tests, which need both builds. Each line of output
 * says which lane printed it; the first lane to fail stops the others and the run exits 1.
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
 * Unit test files the build lane runs once its builds are done; the unit lane runs every other
 * file. Without this the build lane idled about 170 s of the unit lane's 355 s (an idle 2-core
 * machine); these took about 85 s of it. Each must name a file (testAll.test.ts checks): a
 * renamed one would otherwise drop out of both lanes.
 */
export const AFTER_BUILDS: readonly string[] = [
  'src/explain/race/gradCheck.cpu.test.ts',
  'src/cli/trace.test.ts',
  'src/model/backendRace.test.ts',
];

export const TEST_STAGES: readonly Stage[] = [
  [
    { name: 'unit', commands: [['vitest', 'run', ...AFTER_BUILDS.flatMap((f) => ['--exclude', f])]] },
    {
      name: 'build',
      commands: [
        ['tsc', '-p', 'tsconfig.json', '--noEmit'],
        ['eslint', '.'],
        ['prettier', '--check', '.'],
        ['tsx', 'src/cli/importCircles.ts'],
        ['vite', 'build'],
        ['vite', 'build', '--mode', 'e2e'],
        ['vitest', 'run', ...AFTER_BUILDS],
      ],
    },
  ],
  [{ name: 'e2e', commands: [['playwright', 'test']] }],
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
