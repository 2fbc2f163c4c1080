/**
 * Where a full trace's time goes: each operation of the plan timed on its own (on WASM and
 * CPU a kernel runs synchronously, so this is its compute time plus tfjs's dispatch), next to
 * the whole forward pass, the trace all at once and the page's trace one operation at a time.
 */
import * as tf from '@tensorflow/tfjs-core';
import { nchwToNhwc } from '../../src/model/layers';
import { randomInput, traceForward, traceForwardStepwise, type ResNet } from '../../src/model';
import type { OpProfile } from '../../src/cli/benchPages';

export type { OpProfile };

async function median(f: () => Promise<void>): Promise<number> {
  for (let i = 0; i < 2; i++) await f();
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await f();
    ts.push(performance.now() - t0);
  }
  return ts.sort((a, b) => a - b)[2] as number;
}

export async function profileOps(net: ResNet, size: number): Promise<OpProfile> {
  const x = randomInput([1, 1, size, size], 0);
  try {
    const forward = await median(async () => {
      const y = net.forward(x);
      await y.data();
      y.dispose();
    });
    const traceAllAtOnce = await median(async () => {
      const t = traceForward(net, x);
      await t.logits.data();
      t.dispose();
    });
    const traceStepwise = await median(async () => {
      const t = await traceForwardStepwise(net, x);
      await t.logits.data();
      t.dispose();
    });
    // each operation alone, 5 times; keep its median
    const plan = net.plan();
    const perOp = new Map<string, number[]>();
    for (let run = 0; run < 5; run++) {
      const values = new Map<string, tf.Tensor>([['input', tf.tidy(() => nchwToNhwc(x))]]);
      for (const op of plan) {
        const args = op.inputs.map((p) => values.get(p) as tf.Tensor);
        const t0 = performance.now();
        const out = tf.tidy(() => op.compute(...args));
        // GPU backends queue work: wait for it so the time lands on this operation
        if (tf.getBackend() === 'webgpu' || tf.getBackend() === 'webgl') await out.data();
        const ms = performance.now() - t0;
        values.set(op.path, out);
        perOp.set(op.path, [...(perOp.get(op.path) ?? []), ms]);
      }
      await (values.get('linear') as tf.Tensor).data();
      tf.dispose([...values.values()]);
    }
    const byKind: OpProfile['byKind'] = {};
    const ops = plan.map((op) => {
      const ms = (perOp.get(op.path) as number[]).sort((a, b) => a - b)[2] as number;
      const k = (byKind[op.layer.kind] ??= { count: 0, ms: 0 });
      k.count += 1;
      k.ms += ms;
      return { path: op.path, kind: op.layer.kind, ms };
    });
    return {
      backend: tf.getBackend(),
      size,
      forward,
      traceAllAtOnce,
      traceStepwise,
      sumOfOps: ops.reduce((a, o) => a + o.ms, 0),
      byKind,
      slowest: [...ops].sort((a, b) => b.ms - a.ms).slice(0, 10),
    };
  } finally {
    x.dispose();
  }
}
