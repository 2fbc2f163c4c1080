/**
 * The bench's landscape rows (`--parts landscape`): the loss landscape's seconds for each race
 * budget's networks in Node on WASM, the page's grid (21 × 21) over the page's 256 images. Each
 * network's milliseconds per grid point are the median of timed points (after one warm-up);
 * the landscape's seconds are that times the grid's points, summed over the budget's networks.
 * The weights are a fresh initialisation: a point's time does not depend on their values.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { LANDSCAPE_GRID, LANDSCAPE_IMAGES } from '../explain/landscape/grid';
import { RACE_BUDGETS, type RaceBudgetId } from '../explain/race/budgets';
import { decodeRaceData, RACE_DATA_FILE } from '../explain/race/data';
import { raceEntries } from '../explain/race/setup';
import { toBatch } from '../explain/race/trainer';
import { LandscapeEvaluator } from '../model/landscape';
import { createRaceNet, disposeRaceNet } from '../model/raceNet';
import type { BenchOptions } from './benchOptions';
import { REPO_ROOT, startBackend } from './nodeSetup';

export interface LandscapeMeasurement {
  readonly runtime: 'tfjs';
  readonly where: 'node';
  readonly backend: 'wasm';
  /** `landscape-point`: ms per grid point of `net`; `landscape`: the budget's whole landscape (ms). */
  readonly what: 'landscape-point' | 'landscape';
  readonly net: string;
  readonly ms: number;
  readonly runs: number;
  readonly loadAverage: number;
}

const BUDGETS: readonly RaceBudgetId[] = ['quick', 'standard'];

export async function benchLandscape(
  opts: BenchOptions,
  emit: (m: LandscapeMeasurement) => void,
  notice: (line: string) => void,
): Promise<void> {
  if (!opts.backends.includes('wasm')) return notice('landscape: skipped, it runs in Node on wasm');
  if ((await startBackend('wasm')).name !== 'wasm') return notice('landscape: skipped, wasm did not start');
  const data = decodeRaceData(new Uint8Array(readFileSync(join(REPO_ROOT, 'public', RACE_DATA_FILE))));
  const { x, y } = toBatch(
    data.train,
    Array.from({ length: LANDSCAPE_IMAGES }, (_, i) => i),
  );
  const perNet = new Map<string, number>();
  const load = () => Math.round(loadavg()[0]! * 100) / 100;
  for (const id of BUDGETS) {
    let total = 0;
    for (const e of raceEntries(RACE_BUDGETS[id])) {
      const name = `${e.id} w${e.spec.width}`;
      if (!perNet.has(name)) {
        const net = createRaceNet(e.spec, 1);
        const evaluator = await LandscapeEvaluator.create(net, x, y);
        await evaluator.lossAt(0, 0);
        const times: number[] = [];
        for (let i = 0; i < opts.runs; i++) {
          const t0 = performance.now();
          await evaluator.lossAt(0.1 * i, -0.05 * i);
          times.push(performance.now() - t0);
        }
        evaluator.dispose();
        disposeRaceNet(net);
        const ms = times.sort((a, b) => a - b)[times.length >> 1]!;
        perNet.set(name, ms);
        emit({
          runtime: 'tfjs',
          where: 'node',
          backend: 'wasm',
          what: 'landscape-point',
          net: name,
          ms,
          runs: opts.runs,
          loadAverage: load(),
        });
      }
      total += perNet.get(name)! * LANDSCAPE_GRID ** 2;
    }
    emit({
      runtime: 'tfjs',
      where: 'node',
      backend: 'wasm',
      what: 'landscape',
      net: `${id} budget, ${LANDSCAPE_GRID}×${LANDSCAPE_GRID}`,
      ms: total,
      runs: opts.runs,
      loadAverage: load(),
    });
  }
  tf.dispose([x, y]);
}

export function landscapeTable(rows: readonly LandscapeMeasurement[]): string {
  const lines = rows.map(
    (r) =>
      `| ${r.net} | ${r.what} | ${r.what === 'landscape' ? `${(r.ms / 1000).toFixed(0)} s` : `${r.ms.toFixed(1)} ms`} | ${r.runs} | ${r.loadAverage.toFixed(2)} |`,
  );
  return ['| net | what | time | runs | load |', '| --- | --- | --- | --- | --- |', ...lines].join('\n');
}
