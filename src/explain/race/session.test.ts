import { describe, expect, it } from 'vitest';
import type { BackendName } from '../../model/types';
import { estimateRaceSeconds, RACE_BUDGETS } from './budgets';
import { raceRunCsv, raceRunJson } from './export';
import { StandInRaceWorker } from './raceWorker.testing';
import { RaceSession } from './session';
import { raceEntries } from './setup';

function session(speeds: Partial<Record<BackendName, number>>) {
  const workers: StandInRaceWorker[] = [];
  let clock = 0;
  const s = new RaceSession(
    () => {
      const w = new StandInRaceWorker({ speeds });
      workers.push(w);
      return w;
    },
    () => clock,
    () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock / 1000)),
  );
  return { s, workers, tick: (ms: number) => (clock += ms) };
}

const START = {
  data: new Uint8Array(8),
  available: ['webgl', 'wasm', 'cpu'] as BackendName[],
  software: { webgl: true },
  budget: 'auto' as const,
  choice: {},
};

const step = (run: number, id: string, s: number) => ({
  type: 'step' as const,
  run,
  records: [{ id, step: s, loss: 2 / s, seconds: s }],
});

describe('the race session', () => {
  it('times each backend in a worker of its own, keeps the fastest, terminates the rest', async () => {
    const { s, workers } = session({ wasm: 400, cpu: 3000 });
    await s.start(START);
    expect(workers.map((w) => (w.sent[0] as { backend: string }).backend)).toEqual(['wasm', 'cpu']);
    expect(workers.map((w) => w.terminated)).toEqual([false, true]);
    expect(s.getState()).toMatchObject({ phase: 'running', backend: 'wasm' });
    expect(s.getState().measurements!.map((m) => m.failure ?? m.msPerStep)).toEqual([400, 3000, 'skipped']);
    expect(workers[0]!.sent.at(-1)).toMatchObject({ type: 'start', config: s.getState().config });
  });

  it('chooses the budget by the measured speed and says how long it will take; a teacher may choose another', async () => {
    const fast = session({ cpu: 0.01 });
    await fast.s.start(START);
    expect(fast.s.getState().budget).toBe('long');
    const slow = session({ cpu: 3000 });
    await slow.s.start({ ...START, budget: 'standard', choice: { steps: 10 } });
    const st = slow.s.getState();
    expect(st).toMatchObject({ budget: 'standard', budgetByPage: false });
    expect(st.config).toEqual({ ...RACE_BUDGETS.standard, steps: 10 });
    expect(st.estimateSeconds).toBeGreaterThan(0);
  });

  it('keeps curves, progress and the worker when nobody is listening, and times training without pauses', async () => {
    const { s, workers, tick } = session({ cpu: 100 });
    const seen: string[] = [];
    const stop = s.subscribe(() => seen.push(s.getState().phase));
    await s.start({ ...START, available: ['cpu'] });
    const w = workers[0]!;
    tick(2000);
    w.emit(step(w.run, 'plain-1', 1));
    stop(); // the chapter is left
    tick(1000);
    s.pause();
    tick(60_000);
    s.resume();
    tick(2000);
    w.emit(step(w.run, 'plain-1', 2));
    const again = s.getState(); // the chapter is back
    expect(again.curves['plain-1']!.loss).toHaveLength(2);
    expect(again.runningSeconds).toBeCloseTo(5);
    expect(w.terminated).toBe(false);
    expect(w.sent.map((m) => m.type)).toEqual(['probe', 'start', 'pause', 'resume']);
    expect(seen).toContain('running');
  });

  it('after a race, the Budget menu and the next automatic choice go by its pace; backends are still compared by the probe', async () => {
    // a speed at which the quick race is estimated at 150 s (per image only, as the stand-in measures)
    const msPerStep =
      (16 * 150) / estimateRaceSeconds(RACE_BUDGETS.quick, { msPerStep: 16, fixedMs: 0, perImageMs: 1 });
    const { s, workers, tick } = session({ cpu: msPerStep });
    await s.start({ ...START, available: ['cpu'] });
    const first = s.getState();
    expect(first.budget).toBe('quick');
    const w = workers[0]!;
    const ids = raceEntries(first.config!).map((e) => e.id);
    // the race trains in a fifth of the time it was estimated to take
    for (let i = 1; i <= first.config!.steps; i++) {
      tick((1000 * first.estimateSeconds!) / 5 / first.config!.steps);
      w.emit({ type: 'step', run: w.run, records: ids.map((id) => ({ id, step: i, loss: 1, seconds: i })) });
    }
    w.emit({ type: 'done', run: w.run });
    expect(s.getState().speed).toMatchObject({ msPerStep, pace: expect.closeTo(0.2, 5) as unknown });
    s.reset();
    expect(s.getState().speed?.pace).toBeCloseTo(0.2); // the menu keeps its times after Reset
    await s.start({ ...START, available: ['cpu'] });
    expect(workers).toHaveLength(1);
    expect(s.getState().budget).not.toBe('quick');
    expect(s.getState().estimateSeconds).toBeLessThan(first.estimateSeconds!);
  });

  it('measures once a visit, ignores a stopped race, and reset keeps the measured backend', async () => {
    const { s, workers } = session({ cpu: 100 });
    await s.start({ ...START, available: ['cpu'] });
    const w = workers[0]!;
    const first = w.run;
    await s.start({ ...START, available: ['cpu'] });
    expect(workers).toHaveLength(1);
    w.emit(step(first, 'plain-1', 1)); // late, from the stopped race
    expect(s.getState().curves).toEqual({});
    w.emit({ type: 'done', run: w.run });
    expect(s.getState().phase).toBe('done');
    s.reset();
    expect(s.getState()).toMatchObject({ phase: 'idle', curves: {} });
    expect(w.sent.at(-1)).toEqual({ type: 'stop' });
    await s.start({ ...START, available: ['cpu'], requested: 'cpu' });
    expect(workers).toHaveLength(2); // another backend asked for: measured again
  });

  it('reports errors as a kind the page words, never only as text', async () => {
    const { s } = session({});
    await s.start(START);
    expect(s.getState()).toMatchObject({ phase: 'error', error: { failure: 'failed' } });
  });

  it('is downloaded as JSON and CSV with every curve, the config, the backend and the times', async () => {
    const { s, workers, tick } = session({ cpu: 100 });
    await s.start({ ...START, available: ['cpu'], choice: { ns: [1], steps: 2 } });
    const w = workers[0]!;
    tick(1000);
    w.emit(step(w.run, 'plain-1', 1));
    w.emit({
      type: 'step',
      run: w.run,
      records: [{ id: 'plain-1', step: 2, loss: 0.5, seconds: 2, valAccuracy: 0.25, gradNorms: [3, 4] }],
    });
    w.emit({ type: 'done', run: w.run });
    const json = JSON.parse(raceRunJson(s.getState(), 'http://x/#/race'));
    expect(json).toMatchObject({ backend: 'cpu', budget: 'quick', config: { ns: [1], steps: 2 } });
    expect(json.times).toMatchObject({ startedAt: '2026-01-01T00:00:00.000Z', trainingSeconds: 1 });
    expect(json.networks[0]).toMatchObject({ id: 'plain-1', loss: [{ step: 1 }, { step: 2 }] });
    expect(json.networks[0].gradientNorms).toEqual([{ step: 2, norms: [3, 4] }]);
    const csv = raceRunCsv(s.getState(), 'http://x/#/race').split('\n');
    expect(csv.filter((l) => l.startsWith('#'))).toContain('# backend: cpu');
    expect(csv).toContain('network,family,depth,step,seconds,measure,layer,value');
    expect(csv).toContain('plain-1,plain,8,2,2,val_accuracy,,0.25');
    expect(csv).toContain('plain-1,plain,8,2,2,grad_norm,2,4');
    expect(csv.filter((l) => l.startsWith('plain-1,plain,8,') && l.includes(',loss,'))).toHaveLength(2);
  });
});
