/**
 * Training the experiment's networks: loss, outputs, and full-batch Adam that can be
 * resumed on a deeper network. Resuming matters for the nested construction: a fresh
 * Adam's first steps move every weight by about the learning rate, whatever the
 * gradient, which knocks a trained network far off its minimum (measured: the trained
 * depth-8 networks go from below 1e-3 to about 0.1 in ten steps with nothing appended).
 * Carried on, the old weights keep their step sizes; only the appended layer starts fresh.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentConfig } from './experimentSetup';
import { mlpForward, mlpVariables, type Mlp } from './mlp';

export interface Data {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor2D;
}

function mse(net: Mlp, d: Data): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.square(tf.sub(mlpForward(net, d.x), d.y))) as tf.Scalar);
}

/** The network's loss on the data, read back. */
export async function lossOf(net: Mlp, d: Data): Promise<number> {
  const l = mse(net, d);
  try {
    return (await l.data())[0]!;
  } finally {
    l.dispose();
  }
}

/** The network's outputs on the data's inputs, read back. */
export async function predict(net: Mlp, x: tf.Tensor2D): Promise<Float32Array> {
  const y = mlpForward(net, x);
  try {
    return (await y.data()) as Float32Array;
  } finally {
    y.dispose();
  }
}

/**
 * Adam optimisers and the variables each trains. Adam keeps its state by position in
 * its list of variables, so a resumed optimiser lists copies of the old variables in the
 * same order. The caller owns it: `endTraining`.
 */
export interface Training {
  readonly groups: readonly { readonly optimizer: tf.AdamOptimizer; readonly vars: readonly tf.Variable[] }[];
}

/** A fresh Adam for all of a network's variables. */
export function startTraining(net: Mlp, learningRate: number): Training {
  return { groups: [{ optimizer: tf.train.adam(learningRate), vars: mlpVariables(net) }] };
}

/**
 * Training that carries on from `from` for `copies` (copies of `from`'s variables, in the
 * same order: they take over its moments and step count) and starts a fresh Adam for
 * `added`, as for any new layer. `from` is left as it was.
 */
export async function resumeTraining(
  from: Training,
  copies: readonly tf.Variable[],
  added: readonly tf.Variable[],
  learningRate: number,
): Promise<Training> {
  const old = from.groups[0]!;
  if (from.groups.length !== 1 || old.vars.length !== copies.length)
    throw new RangeError(`resume one optimiser of ${copies.length} variables`);
  const [iterations, ...moments] = await old.optimizer.getWeights();
  const resumed = tf.train.adam(learningRate);
  // The new optimiser's state shares the old one's data until its first update replaces it.
  await resumed.setWeights([iterations!, ...moments]);
  iterations!.tensor.dispose();
  return {
    groups: [
      { optimizer: resumed, vars: copies },
      { optimizer: tf.train.adam(learningRate), vars: added },
    ],
  };
}

/** Free the optimisers' state. */
export function endTraining(t: Training): void {
  for (const g of t.groups) g.optimizer.dispose();
}

/** Train `steps` full-batch steps, calling `afterChunk` every `chunk` steps. Returns the final loss. */
export async function trainSteps(
  t: Training,
  net: Mlp,
  d: Data,
  steps: number,
  chunk: number,
  afterChunk: (stepsDone: number) => Promise<void>,
): Promise<number> {
  const all = t.groups.flatMap((g) => g.vars);
  for (let s = 0; s < steps;) {
    const n = Math.min(chunk, steps - s);
    for (let i = 0; i < n; i++) {
      const { value, grads } = tf.variableGrads(() => mse(net, d), all);
      // As lists, in each group's order: Adam's state follows positions, not names.
      for (const g of t.groups)
        g.optimizer.applyGradients(g.vars.map((v) => ({ name: v.name, tensor: grads[v.name]! })));
      value.dispose();
      tf.dispose(grads);
    }
    s += n;
    await afterChunk(n);
  }
  return lossOf(net, d);
}

/** Train with a fresh Adam, full batch, calling `afterChunk` every `chunk` steps. Returns the final loss. */
export async function train(
  net: Mlp,
  d: Data,
  steps: number,
  cfg: Pick<ExperimentConfig, 'learningRate' | 'chunk'>,
  afterChunk: (stepsDone: number) => Promise<void>,
): Promise<number> {
  const t = startTraining(net, cfg.learningRate);
  try {
    return await trainSteps(t, net, d, steps, cfg.chunk, afterChunk);
  } finally {
    endTraining(t);
  }
}
