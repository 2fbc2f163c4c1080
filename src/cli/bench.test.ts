import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs, type Measurement, type TrainMeasurement } from './benchOptions';
import { benchTable, trainTable } from './benchTable';
import { benchNets, netName, verdictNote } from './benchTrain';
import { estimateRaceSeconds, RACE_BUDGETS } from '../explain/race/budgets';
import { longTaskTable, type LongTaskMeasurement } from './benchLongTask';

describe('npm run bench options', () => {
  it('takes backends and sizes as comma-separated lists, all of them by default', () => {
    expect(parseBenchArgs([])).toEqual({
      backends: ['webgpu', 'webgl', 'wasm', 'cpu'],
      sizes: [64, 224],
      runs: 5,
      threads: availableParallelism(),
      parts: ['forward', 'train', 'verdict', 'longtask', 'lesion', 'landscape'],
    });
    expect(
      parseBenchArgs([
        '--backends',
        'wasm',
        '--sizes',
        '224',
        '--runs',
        '3',
        '--threads',
        '1',
        '--parts',
        'train,longtask',
      ]),
    ).toEqual({
      backends: ['wasm'],
      sizes: [224],
      runs: 3,
      threads: 1,
      parts: ['train', 'longtask'],
    });
  });

  it.each([
    [['--backends', 'wasm,gpu'], /--backends takes webgpu, webgl, wasm, cpu .*"gpu" is not one of them/],
    [['--sizes', '100'], /--sizes takes 64, 224 .*"100" is not one of them/],
    [['--runs', '0'], /--runs takes a whole number/],
    [['--threads', 'many'], /--threads takes a whole number/],
    [
      ['--parts', 'lesions'],
      /--parts takes forward, train, verdict, longtask, lesion, landscape .*"lesions" is not one of them/,
    ],
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

describe('the training rows', () => {
  const t = (runtime: TrainMeasurement['runtime'], where: TrainMeasurement['where'], threads: number, ms: number) =>
    ({
      runtime,
      where,
      backend: 'wasm',
      threads,
      what: 'train-step',
      net: 'plain-1 w4 b32',
      ms,
      runs: 5,
      loadAverage: 0.4,
    }) as TrainMeasurement;

  it("gives each tfjs step its ratio to PyTorch's step of the same network on as many threads", () => {
    const table = trainTable([
      { ...t('pytorch', 'python', 1, 20), backend: 'cpu', note: 'denormals flushed' },
      { ...t('pytorch', 'python', 2, 10), backend: 'cpu', note: 'denormals flushed' },
      t('tfjs', 'node', 1, 50),
      t('tfjs', 'chromium', 2, 40),
      { ...t('tfjs', 'chromium', 2, 150_000), what: 'race-verdict', net: 'budget S' },
    ]);
    const line = (needle: string) => table.split('\n').find((l) => l.includes(needle)) ?? '';
    expect(line('| node ')).toMatch(/50\.0 .*\| 2\.50× /);
    expect(line('| chromium | wasm    | 2       | train-step')).toMatch(/40\.0 .*\| 4\.00× /);
    expect(line('denormals flushed')).toContain('train-step (denormals flushed)');
    expect(line('race-verdict')).toMatch(/150\.0 s .*\| — /);
  });

  it("says beside the verdict what the page estimated and every budget's estimate at the measured speed", () => {
    const speed = { msPerStep: 20, fixedMs: 12, perImageMs: 0.5 };
    const note = verdictNote(100, { estimatedSeconds: 44.4, trainingSeconds: 40.2, measuringSeconds: 6.6 }, speed);
    expect(note).toMatch(
      /^100 steps; measuring 7 s; training 40 s; estimated 44 s; estimate\/training 1\.10; estimates: quick \d+ s, short /,
    );
    expect(note).toContain(`long ${Math.round(estimateRaceSeconds(RACE_BUDGETS.long, speed))} s`);
    expect(verdictNote(100, { estimatedSeconds: null, trainingSeconds: 40, measuringSeconds: null }, null)).toBe(
      '100 steps; training 40 s',
    );
  });

  it("times each race network once, for every budget's depths, width and batch", () => {
    const nets = benchNets([
      { ns: [1, 5], width: 8, batch: 64 },
      { ns: [1, 3], width: 4, batch: 32 },
      { ns: [1], width: 8, batch: 64 },
    ]).map(netName);
    expect(nets).toEqual([
      'plain-1 w8 b64',
      'residual-1 w8 b64',
      'plain-5 w8 b64',
      'residual-5 w8 b64',
      'plain-1 w4 b32',
      'residual-1 w4 b32',
      'plain-3 w4 b32',
      'residual-3 w4 b32',
    ]);
  });
});

describe('the longest-task rows', () => {
  const l = (
    backend: LongTaskMeasurement['backend'],
    size: number,
    during: LongTaskMeasurement['during'],
    ms: number,
  ) =>
    ({
      runtime: 'tfjs',
      where: 'chromium',
      backend,
      size,
      what: 'longest-task',
      during,
      ms,
      maxMs: ms + 10,
      runs: 3,
      throttle: 4,
      loadAverage: 12.5,
    }) as LongTaskMeasurement;

  it('puts every backend and size side by side, each with the 50 ms verdict on its longest task', () => {
    const table = longTaskTable([
      l('wasm', 224, 'new input', 30),
      l('wasm', 224, 'stepping', 0),
      l('cpu', 64, 'new input', 45),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/backend .*size .*during .*longest task ms \(median\) .*max .*load .*≤ 50 ms/);
    expect(lines[2]).toMatch(/wasm +\| 224×224 \| new input \| 30 +\| 40 +\| 3 +\| 4× slower \| 12\.50 \| yes/);
    expect(lines[3]).toMatch(/\| stepping +\| 0 +\| 10 .*\| yes/);
    expect(lines[4]).toMatch(/cpu .*\| 45 +\| 55 .*\| no/);
  });
});
