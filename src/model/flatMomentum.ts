/**
 * SGD with momentum over every variable at once: PyTorch's `torch.optim.SGD(momentum=m)` with
 * dampening 0 and tfjs's `tf.train.momentum` (v ← m·v + g; w ← w − lr·v), on the variables and
 * their gradients laid end to end. tfjs's optimiser runs four kernels per variable; a race
 * network has 30–160 variables, so on WASM, where each kernel has a fixed cost, the update was a
 * large part of a small network's step. Here it is a few kernels a step, whatever the count.
 */
import * as tf from '@tensorflow/tfjs-core';
import { valuesOnHost } from './hostBatchNorm';

export class FlatMomentumSGD {
  private readonly sizes: number[];
  private velocity: tf.Tensor1D;
  /**
   * Where the variables are in this thread's memory (WASM, the CPU backend), the velocity is
   * kept here, in double precision, and the step is a loop over the values: no kernels at all.
   */
  private readonly hostVelocity?: Float64Array;

  constructor(
    private readonly variables: readonly tf.Variable[],
    private readonly learningRate: number,
    private readonly momentum: number,
  ) {
    this.sizes = variables.map((v) => v.size);
    const total = this.sizes.reduce((a, b) => a + b, 0);
    this.velocity = tf.zeros([valuesOnHost() ? 0 : total]);
    if (valuesOnHost()) this.hostVelocity = new Float64Array(total);
  }

  /** One step with `grads` (by variable name, as tf.variableGrads gives them); they stay the caller's. */
  applyGradients(grads: Readonly<Record<string, tf.Tensor>>): void {
    const gradientOf = (v: tf.Variable) => {
      const grad = grads[v.name];
      if (!grad) throw new Error(`no gradient for ${v.name}`);
      return grad;
    };
    const hv = this.hostVelocity;
    if (hv) {
      const all = this.variables.map(gradientOf);
      let at = 0;
      for (const [k, v] of this.variables.entries()) {
        const g = all[k]!.dataSync();
        const w = v.dataSync();
        const next = new Float32Array(w.length);
        for (let i = 0; i < w.length; i++, at++) {
          hv[at] = this.momentum * hv[at]! + g[i]!;
          next[i] = w[i]! - this.learningRate * hv[at]!;
        }
        const t = tf.tensor(next, v.shape);
        v.assign(t);
        t.dispose();
      }
      return;
    }
    const next = tf.tidy(() => {
      const g = tf.concat(this.variables.map((v) => tf.reshape(gradientOf(v), [-1])));
      const velocity = tf.add(tf.mul(this.velocity, this.momentum), g);
      const weights = tf.sub(
        tf.concat(this.variables.map((v) => tf.reshape(v, [-1]))),
        tf.mul(velocity, this.learningRate),
      );
      tf.split(weights, this.sizes).forEach((w, i) => {
        const v = this.variables[i]!;
        v.assign(tf.reshape(w, v.shape));
      });
      return tf.keep(velocity as tf.Tensor1D);
    });
    this.velocity.dispose();
    this.velocity = next;
  }

  dispose(): void {
    this.velocity.dispose();
  }
}
