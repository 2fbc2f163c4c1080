/**
 * Test-only page (not part of the app or its offline cache): one training step of the race's
 * networks (src/explain/race/trainer.ts) on a chosen tfjs backend, driven from Playwright through
 * `window.trainPage`. `npm run bench` times it for its `train-step` rows.
 */
import * as tf from '@tensorflow/tfjs-core';
import { decodeRaceData, RACE_DATA_FILE, type RaceData } from '../../src/explain/race/data';
import { timeTrainStep, type TrainStepTiming } from '../../src/explain/race/stepTiming';
import { browserBackendLoaders } from '../../src/model/browserBackends';
import { isBackendName, selectBackend } from '../../src/model';
import type { RaceNetSpec } from '../../src/model/raceNet';

export interface TrainPage {
  /** Start `backend` (no fallback) and load the race's images; says what really runs. */
  start(backend: string, threads?: number): Promise<{ backend: string; threads: number }>;
  /** Median milliseconds of `runs` training steps (after warm-up ones), fewer once `budgetMs` is spent. */
  time(spec: RaceNetSpec, batch: number, runs: number, budgetMs: number): Promise<TrainStepTiming>;
}

let data: RaceData | undefined;

const api: TrainPage = {
  async start(backend, wasmThreads) {
    if (!isBackendName(backend)) throw new Error(`unknown backend "${backend}"`);
    if (backend === 'wasm' && wasmThreads) {
      // as on the model page: tfjs sizes its WebAssembly worker pool from hardwareConcurrency
      Object.defineProperty(navigator, 'hardwareConcurrency', { value: 2 * wasmThreads, configurable: true });
      (await import('@tensorflow/tfjs-backend-wasm')).setThreadsCount(wasmThreads);
    }
    await selectBackend({ [backend]: browserBackendLoaders[backend] }, backend);
    const bytes = new Uint8Array(await (await fetch(`/${RACE_DATA_FILE}`)).arrayBuffer());
    data = decodeRaceData(bytes);
    const threads = tf.getBackend() === 'wasm' ? (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount() : 1;
    return { backend: tf.getBackend(), threads };
  },
  async time(spec, batch, runs, budgetMs) {
    if (!data) throw new Error('call start(backend) first');
    return timeTrainStep(data.train, spec, batch, runs, budgetMs);
  },
};

(window as unknown as { trainPage: TrainPage }).trainPage = api;
document.body.dataset['ready'] = 'true';
