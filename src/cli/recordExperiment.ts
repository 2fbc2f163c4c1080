/**
 * Writes src/explain/functionClasses/__fixtures__/recordedExperiment.json: one run of the
 * function-classes experiment (its default set-up) on WebAssembly in Node. The page shows it,
 * labelled as recorded, until a live run in the reader's browser replaces it.
 *
 *     npm run record-experiment
 */
import { writeFileSync } from 'node:fs';
import { DEFAULT_EXPERIMENT, runExperiment } from '../explain/functionClasses/experiment';
import { toRecorded } from '../explain/functionClasses/recorded';
import { selectBackend } from '../model/backend';
import { nodeBackendLoaders } from '../model/nodeBackends';

const OUT = 'src/explain/functionClasses/__fixtures__/recordedExperiment.json';

await selectBackend(nodeBackendLoaders, 'wasm');
const result = await runExperiment(DEFAULT_EXPERIMENT, { yieldToPage: () => Promise.resolve() });
writeFileSync(OUT, JSON.stringify(toRecorded(result, new Date().toISOString().slice(0, 10)), null, 1) + '\n');
console.log(`${OUT}: ${result.backend}, ${(result.milliseconds / 1000).toFixed(1)} s`);
