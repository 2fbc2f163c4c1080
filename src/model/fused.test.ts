import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FusedNetwork } from './fused';
import { parseGoldenStages, relativeError, type GoldenStagesIndex } from './goldenStages';
import { randomInput } from './input';
import { ResNet, randomStateDict } from './network';
import { loadStateDictFromDir } from './nodeWeights';
import { mulberry32, symmetricUniform } from './random';
import { useNodeBackend } from './testBackend';
import { archSpec, type ArchId } from './variants';

const WEIGHTS_DIR = fileURLToPath(new URL('../../public/models/resnet18-fmnist', import.meta.url));

beforeAll(async () => {
  await useNodeBackend();
});

/** A seeded random network whose batch norms are not the identity, so folding them matters. */
function randomNetworkWithStatistics(id: ArchId, seed: number): ResNet {
  const dict = randomStateDict(seed, archSpec(id));
  const next = mulberry32(seed + 1);
  for (const key of Object.keys(dict)) {
    const t = dict[key] as tf.Tensor;
    const n = t.size;
    const around = (centre: number, spread: number) => symmetricUniform(n, spread, next).map((v) => centre + v);
    let values: Float32Array | undefined;
    if (key.endsWith('running_var')) values = around(1, 0.5);
    else if (key.endsWith('running_mean')) values = around(0, 0.3);
    else if (dict[key.replace(/\.weight$/, '.running_var')] && key.endsWith('.weight')) values = around(1, 0.5);
    else if (dict[key.replace(/\.bias$/, '.running_var')] && key.endsWith('.bias')) values = around(0, 0.2);
    if (values) {
      dict[key] = tf.tensor(values, t.shape);
      t.dispose();
    }
  }
  try {
    return ResNet.fromStateDict(dict, { kind: 'random', seed }, archSpec(id));
  } finally {
    tf.dispose(Object.values(dict));
  }
}

async function compare(net: ResNet, x: tf.Tensor4D): Promise<{ error: number; ops: number; fusedOps: number }> {
  const before = tf.memory().numTensors;
  const fused = FusedNetwork.fromPlan(net.plan());
  const [a, b] = [fused.forward(x), net.forward(x)];
  const error = relativeError(await a.data(), await b.data());
  tf.dispose([a, b]);
  fused.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return { error, ops: net.plan().length, fusedOps: fused.ops.length };
}

describe('the fused path (batch norm folded into convolutions)', () => {
  it("gives the shipped ResNet-18's logits, PyTorch's to 1e-3, in fewer operations", async () => {
    const { model, stateDict } = await loadStateDictFromDir(WEIGHTS_DIR);
    const net = ResNet.fromStateDict(stateDict, {
      kind: 'trained',
      url: WEIGHTS_DIR,
      metadata: model.userDefinedMetadata,
    });
    tf.dispose(Object.values(stateDict));
    const index = JSON.parse(
      readFileSync(new URL('./__fixtures__/golden-stages.json', import.meta.url), 'utf8'),
    ) as GoldenStagesIndex;
    const golden = parseGoldenStages(index, readFileSync(new URL(`./__fixtures__/${index.file}`, import.meta.url)));
    for (const g of golden) {
      const input = g.stages[0]!;
      const x = tf.tensor4d(input.data, input.shape as [number, number, number, number]);
      const { error, ops, fusedOps } = await compare(net, x);
      expect(error, g.name).toBeLessThanOrEqual(1e-5);
      const fused = FusedNetwork.fromPlan(net.plan());
      const logits = fused.forward(x);
      expect(relativeError(await logits.data(), g.stages[g.stages.length - 1]!.data)).toBeLessThanOrEqual(1e-3);
      tf.dispose([logits, x]);
      fused.dispose();
      // b1: conv+bn+relu, maxpool; each block: conv1+bn1+relu, conv2+bn2, [conv3], add+relu2; head: 3
      expect([ops, fusedOps]).toEqual([66, 2 + 8 * 3 + 3 + 3]);
    }
    net.dispose();
  });

  it.each(['resnet50', 'resnet18-preact'] as const)(
    '%s (random weights, non-trivial batch norms): the same logits as the unfused plan',
    async (id) => {
      const net = randomNetworkWithStatistics(id, 7);
      const x = randomInput([2, 1, 32, 32], 3);
      const { error, ops, fusedOps } = await compare(net, x);
      expect(error).toBeLessThanOrEqual(1e-5);
      expect(fusedOps).toBeLessThan(ops);
      x.dispose();
      net.dispose();
    },
  );
});
