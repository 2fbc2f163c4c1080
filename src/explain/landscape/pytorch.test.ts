/**
 * The page's landscape held to PyTorch in Node on WASM: training/landscape.py's fixture (fixed
 * weights, the page's seeded directions, the first 256 training images) at several points of the
 * plane, within 1e-4 relative; the directions' norms too.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LandscapeEvaluator } from '../../model/landscape';
import { createRaceNet, disposeRaceNet, raceNamedStatistics, type RaceFamily } from '../../model/raceNet';
import { mulberry32 } from '../../model/random';
import { useNodeBackend } from '../../model/testBackend';
import { decodeRaceData, RACE_DATA_FILE } from '../race/data';
import { toBatch } from '../race/trainer';

interface Fixture {
  readonly directionSeed: number;
  readonly images: number;
  readonly nets: {
    family: RaceFamily;
    n: number;
    width: number;
    directionNorms: Record<string, [number, number]>;
    points: { a: number; b: number; loss: number }[];
  }[];
}

const FIXTURE = JSON.parse(readFileSync('src/model/__fixtures__/landscape-points.json', 'utf8')) as Fixture;
const data = decodeRaceData(new Uint8Array(readFileSync(`public/${RACE_DATA_FILE}`)));

beforeAll(async () => {
  await useNodeBackend();
});

describe('the loss landscape against PyTorch (WASM)', () => {
  for (const f of FIXTURE.nets) {
    it(`${f.family}-${f.n} width ${f.width}: the loss at ${f.points.length} points within 1e-4 relative`, async () => {
      expect(tf.getBackend()).toBe('wasm');
      const net = createRaceNet({ family: f.family, n: f.n, width: f.width }, 1);
      // the fixture's running statistics: the same draws as training/landscape.py
      const next = mulberry32(7);
      for (const s of raceNamedStatistics(net)) {
        const v = Float32Array.from({ length: s.variable.size }, () =>
          s.name.endsWith('runningMean') ? (2 * next() - 1) * 0.1 : 0.5 + next(),
        );
        tf.tidy(() => s.variable.assign(tf.tensor1d(v)));
      }
      const { x, y } = toBatch(
        data.train,
        Array.from({ length: FIXTURE.images }, (_, i) => i),
      );
      const before = tf.memory().numTensors;
      const evaluator = await LandscapeEvaluator.create(net, x, y, FIXTURE.directionSeed);
      const norms = await evaluator.directionNorms();
      for (const [name, [a, b]] of Object.entries(f.directionNorms)) {
        expect(norms[name]![0], name).toBeCloseTo(a, 4);
        expect(norms[name]![1], name).toBeCloseTo(b, 4);
      }
      let worst = 0;
      for (const p of f.points) {
        const loss = await evaluator.lossAt(p.a, p.b);
        worst = Math.max(worst, Math.abs(loss - p.loss) / p.loss);
        expect(Math.abs(loss - p.loss) / p.loss, `(${p.a}, ${p.b}): ${loss} vs ${p.loss}`).toBeLessThan(1e-4);
      }
      // the line the README's figure comes from
      console.info(`landscape ${f.family}-${f.n} w${f.width}: worst relative difference ${worst.toExponential(1)}`);
      evaluator.dispose();
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([x, y]);
      disposeRaceNet(net);
    }, 120_000);
  }
});
