/**
 * The model worker's lesion study: the network in use, each residual block removed in
 * turn (src/model/lesion.ts), on the images the page sends, on the worker's backend.
 * One run at a time; a new run or `cancel` stops the one before.
 */
import * as tf from '@tensorflow/tfjs-core';
import { lesionStudy } from '../model/lesion';
import type { ResNet } from '../model/network';
import { yieldToPage } from '../model/trace';
import type { BackendName } from '../model/types';
import { DEFAULT_INPUT_SIZE } from '../model/inputSizes';

/** Page → worker: run the study on these images (N × 784 gray bytes and N labels). */
export interface LesionRequest {
  readonly type: 'lesion';
  readonly id: number;
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/** The study's result as plain data: correct answers per row, the intact network first. */
export interface LesionTable {
  readonly images: number;
  /** The input size the images were resized to (the weights' training size). */
  readonly size: number;
  readonly backend: BackendName;
  readonly seconds: number;
  readonly rows: readonly { readonly removed: string | null; readonly correct: number }[];
}

let running: AbortController | undefined;

/** Stop the run in progress, if any. */
export function cancelLesion(): void {
  running?.abort();
}

/** Run the study on `net`; `progress` is told how many image-passes of how many are done. */
export async function runLesion(
  net: ResNet,
  req: LesionRequest,
  progress: (done: number, total: number) => void,
): Promise<LesionTable> {
  running?.abort();
  const stop = new AbortController();
  running = stop;
  const size = net.source.kind === 'trained' ? net.source.metadata.inputSize : DEFAULT_INPUT_SIZE;
  const start = performance.now();
  let last = 0;
  try {
    const result = await lesionStudy(net, { images: req.images, labels: req.labels }, size, {
      signal: stop.signal,
      yieldEvery: yieldToPage,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - last > 100 || done === total) {
          last = now;
          progress(done, total);
        }
      },
    });
    return {
      images: result.images,
      size,
      backend: tf.getBackend() as BackendName,
      seconds: (performance.now() - start) / 1000,
      rows: result.rows.map((r) => ({ removed: r.removed, correct: r.correct })),
    };
  } finally {
    if (running === stop) running = undefined;
  }
}
