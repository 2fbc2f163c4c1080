/**
 * SGD with momentum over every variable at once: PyTorch's `torch.optim.SGD(momentum=m)` with
 * dampening 0 and tfjs's `tf.train.momentum` (v ← m·v + g; w ← w − lr·v), on the variables and
 * their gradients laid end to end. tfjs's optimiser runs four kernels per variable; a race
 * network has 30–160 variables, so on WASM, where each kernel has a fixed cost, the update was a
 * large part of a small network's step. Here it is a few kernels a step, whatever the count.
 */
import * as tf from '@tensorflow/tfjs-core';

export class FlatMomentumSGD {
  private readonly sizes: number[];
  private velocity: tf.Tensor1D;

  constructor(
    private readonly variables: readonly tf.Variable[],
    private readonly learningRate: number,
    private readonly momentum: number,
  ) {
    this.sizes = variables.map((v) => v.size);
    this.velocity = tf.zeros([this.sizes.reduce((a, b) => a + b, 0)]);
  }

  /** One step with `grads` (by variable name, as tf.variableGrads gives them); they stay the caller's. */
  applyGradients(grads: Readonly<Record<string, tf.Tensor>>): void {
    const next = tf.tidy(() => {
      const g = tf.concat(
        this.variables.map((v) => {
          const grad = grads[v.name];
          if (!grad) throw new Error(`no gradient for ${v.name}`);
          return tf.reshape(grad, [-1]);
        }),
      );
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
