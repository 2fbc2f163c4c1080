/**
 * Test-only page (not part of the app or its offline cache): the model of `src/model`
 * on a chosen tfjs backend, with the shipped weights, driven from Playwright through
 * `window.modelPage`. `e2e/numbers.spec.ts` reads whole stage outputs from it; `npm run
 * bench` times the forward pass, the fused path and the full trace.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  FusedNetwork,
  loadNetworkFromUrl,
  randomInput,
  readNCHW,
  traceForward,
  traceForwardStepwise,
  type ResNet,
} from '../../src/model';
import type { ModelPage, Timed } from '../../src/cli/benchPages';
import { profileOps } from './profile';
import { startPageBackend } from './startBackend';

export type { ModelPage, Timed };

let net: ResNet | undefined;
let fused: FusedNetwork | undefined;

function network(): ResNet {
  if (!net) throw new Error('call start(backend) first');
  return net;
}

/** One run of `what` on `x`, finished when its result is read back. */
async function runOnce(what: Timed, x: tf.Tensor4D): Promise<void> {
  const n = network();
  if (what === 'forward' || what === 'fused') {
    const y = what === 'forward' ? n.forward(x) : (fused ??= FusedNetwork.fromPlan(n.plan())).forward(x);
    await y.data();
    y.dispose();
    return;
  }
  // the page's capture (one operation at a time, yielding to the page), or all at once
  const trace = what === 'capture' ? await traceForwardStepwise(n, x) : traceForward(n, x);
  await trace.logits.data();
  trace.dispose();
}

const api: ModelPage = {
  async start(backend, wasmThreads) {
    const started = await startPageBackend(backend, wasmThreads);
    const loaded = await loadNetworkFromUrl('/models/resnet18-fmnist/model.json');
    if (loaded.net.source.kind !== 'trained')
      throw new Error(
        loaded.problem
          ? `${loaded.problem.file}: ${loaded.problem.kind} (${loaded.problem.detail})`
          : 'the shipped weights did not load',
      );
    net = loaded.net;
    return started;
  },

  async stages(input, shape, nodes) {
    const x = tf.tensor4d(input, shape as [number, number, number, number]);
    const trace = traceForward(network(), x);
    try {
      const out: Record<string, number[]> = {};
      for (const path of nodes) out[path] = Array.from((await readNCHW(trace.get(path).tensor)).data);
      return out;
    } finally {
      trace.dispose();
      x.dispose();
    }
  },

  async time(whats, size, runs, budgetMs = Infinity) {
    const x = randomInput([1, 1, size, size], 0);
    const start = performance.now();
    try {
      for (const what of whats) await runOnce(what, x);
      // interleaved, so a change in the machine's load falls on every kind alike
      const all = new Map<Timed, number[]>(whats.map((w) => [w, []]));
      for (let i = 0; i < runs && (i === 0 || performance.now() - start < budgetMs); i++) {
        for (const what of whats) {
          const t0 = performance.now();
          await runOnce(what, x);
          all.get(what)?.push(performance.now() - t0);
        }
      }
      return whats.map((what) => {
        const times = all.get(what) ?? [];
        const sorted = [...times].sort((a, b) => a - b);
        return { what, ms: sorted[Math.floor(sorted.length / 2)] as number, all: times };
      });
    } finally {
      x.dispose();
    }
  },

  profile: (size) => profileOps(network(), size),
};

(window as unknown as { modelPage: ModelPage }).modelPage = api;
document.body.dataset['ready'] = 'true';
