/**
 * Runs one of the CLI scripts under tsx in a child process, for the CLI's tests. Asynchronous on
 * purpose: while the child runs, the test's Vitest worker keeps answering its runner. A test that
 * waits on a child synchronously (`execFileSync`) holds the worker's event loop, and on a loaded
 * machine, where one `tsx` start takes a minute, Vitest fails the run with
 * `[vitest-worker]: Timeout calling "onTaskUpdate"` although every test passed.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface CliRun {
  /** The exit status; null when a signal ended it. */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The project's own tsx, without npx's start-up (a second or more per run, many on a loaded machine). */
const TSX = join('node_modules', '.bin', 'tsx');

/**
 * Runs `npx tsx <script> <args…>` from the repository root; resolves when it ends, whatever its
 * status. A subprocess's start on a loaded machine takes long: give such tests `CLI_TIMEOUT_MS`.
 */
export function runTsx(script: string, args: readonly string[] = [], env?: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The time a test that starts CLI processes may take: a start is seconds when idle, a minute under load. */
export const CLI_TIMEOUT_MS = 300_000;
