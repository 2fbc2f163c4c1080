/**
 * First step of `npm test`: the end-to-end tests need Debian's Chromium (never a downloaded
 * browser). Without it, stop at once with one line that says what to do, instead of running
 * typecheck, lint, unit tests and the build only to see every end-to-end test fail.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where Playwright looks for Chromium: `CHROMIUM_PATH`, or Debian's package. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env['CHROMIUM_PATH'] || DEFAULT_CHROMIUM;
}

/** Undefined when `path` is an executable file; otherwise the one line to print. */
export function chromiumProblem(path: string, fromEnv: boolean): string | undefined {
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return fromEnv
      ? `npm test needs Chromium: CHROMIUM_PATH=${path} is not an executable file; point it at a Chromium binary.`
      : `npm test needs Chromium at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = chromiumProblem(chromiumPath(), Boolean(process.env['CHROMIUM_PATH']));
  if (problem) {
    process.stderr.write(problem + '\n');
    process.exit(1);
  }
}
