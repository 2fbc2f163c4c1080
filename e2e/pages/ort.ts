/**
 * Bench-only page (not part of the app or its offline cache): ONNX Runtime Web, the peer
 * the bench compares tfjs with, running the shipped weights exported to ONNX
 * (`training/onnx_export.py`), driven from `npm run bench` through `window.ortPage`.
 */
import * as ort from 'onnxruntime-web';
import type { OrtPage } from '../../src/cli/benchPages';

export type { OrtPage };

let session: ort.InferenceSession | undefined;

const api: OrtPage = {
  async start(modelUrl, provider, threads) {
    ort.env.wasm.numThreads = threads;
    session = await ort.InferenceSession.create(modelUrl, { executionProviders: [provider] });
    return { provider, threads: ort.env.wasm.numThreads ?? threads };
  },

  async time(size, runs, budgetMs = Infinity) {
    if (!session) throw new Error('call start() first');
    const s = session;
    const data = new Float32Array(size * size).map((_, i) => ((i * 2654435761) % 1000) / 1000);
    const input = new ort.Tensor('float32', data, [1, 1, size, size]);
    const once = async () => {
      const out = await s.run({ x: input });
      // read the logits back, as the tfjs rows do
      await out['logits']?.getData();
    };
    const start = performance.now();
    await once();
    const all: number[] = [];
    for (let i = 0; i < runs && (i === 0 || performance.now() - start < budgetMs); i++) {
      const t0 = performance.now();
      await once();
      all.push(performance.now() - t0);
    }
    const sorted = [...all].sort((a, b) => a - b);
    return { ms: sorted[Math.floor(sorted.length / 2)] as number, all };
  },
};

(window as unknown as { ortPage: OrtPage }).ortPage = api;
document.body.dataset['ready'] = 'true';
