import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs, type Measurement } from './benchOptions';
import { benchTable } from './benchTable';

describe('npm run bench options', () => {
  it('takes backends and sizes as comma-separated lists, all of them by default', () => {
    expect(parseBenchArgs([])).toEqual({
      backends: ['webgpu', 'webgl', 'wasm', 'cpu'],
      sizes: [64, 224],
      runs: 5,
      threads: availableParallelism(),
    });
    expect(parseBenchArgs(['--backends', 'wasm', '--sizes', '224', '--runs', '3', '--threads', '1'])).toEqual({
      backends: ['wasm'],
      sizes: [224],
      runs: 3,
      threads: 1,
    });
  });

  it.each([
    [['--backends', 'wasm,gpu'], /--backends takes webgpu, webgl, wasm, cpu .*"gpu" is not one of them/],
    [['--sizes', '100'], /--sizes takes 64, 224 .*"100" is not one of them/],
    [['--runs', '0'], /--runs takes a whole number/],
    [['--threads', 'many'], /--threads takes a whole number/],
    [['--browser'], /Unknown option '--browser'.*options: --backends/],
    [['--cpu'], /Unknown option '--cpu'/],
  ])('%j: a clear message', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});

describe('the bench table', () => {
  const m = (runtime: Measurement['runtime'], backend: Measurement['backend'], what: Measurement['what'], ms: number) =>
    ({ runtime, where: 'chromium', backend, threads: 1, size: 224, what, ms, runs: 5 }) as Measurement;

  it('gives each row its ratio to PyTorch and to ONNX Runtime Web on the same backend', () => {
    const table = benchTable([
      m('pytorch', 'cpu', 'forward', 50),
      m('onnxruntime-web', 'wasm', 'forward', 100),
      m('tfjs', 'wasm', 'forward', 150),
      m('tfjs', 'webgl', 'forward', 300),
      m('tfjs', 'wasm', 'cold-start', 900),
    ]);
    const line = (needle: string) => table.split('\n').find((l) => l.includes(needle)) ?? '';
    expect(line('tfjs            | chromium | wasm    | 1       | forward')).toMatch(/150\.0 .*\| 3\.00× .*\| 1\.50× /);
    expect(line('webgl')).toMatch(/6\.00× .*\| — /);
    expect(line('cold-start')).toMatch(/900\.0 .*\| — .*\| — /);
  });

  it("names the default page's cold start, which includes the race", () => {
    const table = benchTable([
      m('tfjs', 'wasm', 'cold-start', 900),
      { ...m('tfjs', 'wasm', 'cold-start', 1400), choice: 'measured' },
    ]);
    const lines = table.split('\n').filter((l) => l.includes('cold-start'));
    expect(lines[0]).toMatch(/\| cold-start +\| 900\.0/);
    expect(lines[1]).toMatch(/\| cold-start \(default page, race included\) \| 1400\.0/);
  });
});
