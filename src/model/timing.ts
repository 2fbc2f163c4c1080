/**
 * Time one forward pass of a variant on tfjs's current backend, for the page's "does depth help
 * here?" table. The weights are drawn at random (time does not depend on their values), so no
 * network is downloaded to time it. The figure is this device's, measured live; nothing stores it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { randomInput } from './input';
import { ResNet } from './network';
import type { ArchSpec } from './variants';

export interface ForwardTiming {
  /** The median of the timed passes, in milliseconds, for one (1, 1, size, size) image. */
  readonly ms: number;
  readonly passes: number;
}

/** One warm-up pass (shader compilation, allocation), then the median of `passes` timed ones. */
export async function timeVariant(arch: ArchSpec, size: number, passes = 3): Promise<ForwardTiming> {
  const net = ResNet.random(0, 'untrained', arch);
  const x = randomInput([1, 1, size, size], 0);
  const once = async (): Promise<number> => {
    const t0 = performance.now();
    const logits = net.forward(x);
    try {
      await logits.data();
    } finally {
      logits.dispose();
    }
    return performance.now() - t0;
  };
  try {
    await once();
    const times: number[] = [];
    for (let i = 0; i < passes; i++) times.push(await once());
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)] as number, passes };
  } finally {
    tf.dispose(x);
    net.dispose();
  }
}
