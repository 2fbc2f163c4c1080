/**
 * Every variant against real PyTorch (training/variants_table.py): state_dict keys and
 * shapes, learned parameters, multiply-adds, and a forward with the app's seeded
 * initialisation on the stage outputs and logits.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import table from './__fixtures__/variants-table.json';
import random from './__fixtures__/variants-random.json';
import { archNodes, stateDictShapes } from './architecture';
import { randomInput } from './input';
import { nhwcToNchw } from './layers';
import { ResNet } from './network';
import { useNodeBackend } from './testBackend';
import { ARCHITECTURES, archFromFlags, type ArchId } from './variants';

interface Row {
  params: number;
  multiplyAdds: number;
  topLevel: { index: number; params: number; multiplyAdds: number }[];
  stateDict: [string, number[]][];
}
interface RandomRow {
  seed: number;
  inputSeed: number;
  inputShape: number[];
  stages: Record<string, { shape: number[]; channelMeans: number[]; first: number[] }>;
  logits: number[];
}
const rows = table as unknown as Record<ArchId, Row>;
const randomRows = random as unknown as Record<ArchId, RandomRow>;

beforeAll(async () => {
  await useNodeBackend();
});

/** Which entry of the top-level nn.Sequential a node belongs to. */
function topLevelIndex(stage: string, path: string, headPaths: string[]): number {
  if (/^b[1-5]$/.test(stage)) return Number(stage.slice(1)) - 1;
  return 5 + headPaths.indexOf(path);
}

describe.each(ARCHITECTURES.map((a) => [a.id, a] as const))('%s against PyTorch', (id, arch) => {
  const row = rows[id];
  const nodes = archNodes(arch, [1, 1, 224, 224]);

  it('has the same state_dict keys and shapes, in the same order', () => {
    expect(stateDictShapes(arch)).toEqual(row.stateDict);
  });

  it('counts the same learned parameters and multiply-adds, per top-level layer and in total', () => {
    expect(nodes.reduce((a, n) => a + n.params.paramCount, 0)).toBe(row.params);
    expect(nodes.reduce((a, n) => a + n.multiplyAdds, 0)).toBe(row.multiplyAdds);
    const head = nodes.filter((n) => n.stage === 'head').map((n) => n.path);
    const perTop = row.topLevel.map(() => ({ params: 0, multiplyAdds: 0 }));
    for (const n of nodes.slice(1)) {
      const t = perTop[topLevelIndex(n.stage, n.path, head)] as { params: number; multiplyAdds: number };
      t.params += n.params.paramCount;
      t.multiplyAdds += n.multiplyAdds;
    }
    expect(perTop).toEqual(row.topLevel.map(({ params, multiplyAdds }) => ({ params, multiplyAdds })));
  });

  it('has the depth the paper gives it: convolutions on the main path plus the linear layer', () => {
    const main = nodes.filter((n) => n.op === 'conv' && !/\.conv(3|4)$/.test(n.path)).length;
    const shortcuts = arch.block === 'bottleneck' ? nodes.filter((n) => n.path.endsWith('.conv3')).length : 0;
    expect(main + shortcuts + 1).toBe(arch.depth);
  });

  it("matches PyTorch's forward with the same seeded initialisation, stage by stage", () => {
    const r = randomRows[id];
    const net = ResNet.random(r.seed, undefined, arch);
    const before = tf.memory().numTensors;
    const x = randomInput(r.inputShape, r.inputSeed);
    const outs: Record<string, tf.Tensor> = {};
    const logits = tf.tidy(() =>
      net.run(x, (path, t) => {
        const stage = nodes.find((n) => n.path === path);
        if (stage && /^b[1-5]$/.test(stage.stage) && isLastOfStage(path))
          outs[stage.stage] = tf.keep(nhwcToNchw(t as tf.Tensor4D));
      }),
    );
    function isLastOfStage(path: string): boolean {
      const i = nodes.findIndex((n) => n.path === path);
      return nodes[i + 1]?.stage !== nodes[i]?.stage;
    }
    for (const [stage, want] of Object.entries(r.stages)) {
      const got = outs[stage] as tf.Tensor;
      expect(got.shape, stage).toEqual(want.shape);
      const means = tf.tidy(() => tf.mean(got, [0, 2, 3]).arraySync() as number[]);
      expectClose(means, want.channelMeans, `${stage} channel means`);
      expectClose(Array.from(got.dataSync().slice(0, want.first.length)), want.first, `${stage} first values`);
    }
    expectClose(Array.from(logits.dataSync()), r.logits, 'logits');
    tf.dispose([logits, x, ...Object.values(outs)]);
    expect(tf.memory().numTensors).toBe(before);
    net.dispose();
  });
});

/** Relative error ≤ 1e-4 of the largest magnitude (float32 sums in another order). */
function expectClose(got: number[], want: number[], what: string): void {
  expect(got.length, what).toBe(want.length);
  const scale = Math.max(...want.map(Math.abs), 1e-6);
  const worst = Math.max(...got.map((g, i) => Math.abs(g - (want[i] as number))));
  expect(worst / scale, what).toBeLessThan(1e-4);
}

describe('--arch and --preact', () => {
  it('names the variant, and refuses pre-activation for bottleneck networks', () => {
    expect(archFromFlags('resnet34', true)).toMatchObject({ id: 'resnet34-preact' });
    expect(archFromFlags('resnet50', false)).toMatchObject({ id: 'resnet50', depth: 50 });
    expect(archFromFlags('resnet50', true)).toMatch(/--preact exists for resnet18 and resnet34 only/);
    expect(archFromFlags('resnet20', false)).toMatch(/unknown architecture/);
  });
});
