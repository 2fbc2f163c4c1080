import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumProblem } from './checkChromium';
import { CLI_TIMEOUT_MS, runTsx } from './runTsx';

describe('npm test without Chromium', () => {
  it('checks for Chromium before typecheck, lint, unit tests and build', () => {
    // read, not run: running `npm test` from a unit test would run the unit tests again
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['test']?.split(' && ')[0]).toBe('tsx src/cli/checkChromium.ts');
  });

  it('stops with exactly one line naming CHROMIUM_PATH', { timeout: CLI_TIMEOUT_MS }, async () => {
    const r = await runTsx('src/cli/checkChromium.ts', [], { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'npm test needs Chromium: CHROMIUM_PATH=/nonexistent/chromium is not an executable file; point it at a Chromium binary.\n',
    );
  });

  it('says what to install when the default is missing, and accepts an executable', () => {
    expect(chromiumProblem('/nonexistent/chromium', false)).toMatch(/apt-get install -y chromium.*CHROMIUM_PATH/);
    expect(chromiumProblem('/bin', false)).toBeDefined();
    expect(chromiumProblem(process.execPath, false)).toBeUndefined();
  });
});
