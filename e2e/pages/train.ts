/**
 * Test-only page (not part of the app or its offline cache): one training step of the race's
 * networks (src/explain/race/trainer.ts) on a chosen tfjs backend, driven from Playwright through
 * `window.trainPage`. `npm run bench` times it for its `train-step` rows.
 */
import { decodeRaceData, RACE_DATA_FILE, type RaceData } from '../../src/explain/race/data';
import { timeTrainStep } from '../../src/explain/race/stepTiming';
import type { TrainPage } from '../../src/cli/benchPages';
import { startPageBackend } from './startBackend';

export type { TrainPage };

let data: RaceData | undefined;

const api: TrainPage = {
  async start(backend, wasmThreads) {
    const started = await startPageBackend(backend, wasmThreads);
    data = decodeRaceData(new Uint8Array(await (await fetch(`/${RACE_DATA_FILE}`)).arrayBuffer()));
    return started;
  },
  async time(spec, batch, runs, budgetMs) {
    if (!data) throw new Error('call start(backend) first');
    return timeTrainStep(data.train, spec, batch, runs, budgetMs);
  },
};

(window as unknown as { trainPage: TrainPage }).trainPage = api;
document.body.dataset['ready'] = 'true';
