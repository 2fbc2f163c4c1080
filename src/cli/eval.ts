/**
 * `npm run eval`: the shipped weights through the TypeScript model on the held-out
 * split of Fashion-MNIST (the last 1,000 images of each class): accuracy and a
 * confusion matrix, next to the accuracy PyTorch measured for the same weights. It runs
 * the fused path (batch norm folded into the convolutions), as predictions do.
 *
 *   --weights DIR   a folder with model.json (default: the shipped weights)
 *   --limit N       only the first N held-out images of each class
 *   --json          one JSON document instead of the table
 *   --backend NAME  wasm (default) or cpu
 */
import { readFileSync } from 'node:fs';
import { FusedNetwork } from '../model/fused';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { HELD_OUT_PER_CLASS, IMAGE_SIDE, heldOutOfClass, isBackendName } from '../model';
import { loadNetwork, routeConsoleToStderr, startBackend, backendNotice } from './nodeSetup';

const BATCH = 200;

function parseArgs(argv: string[]) {
  const opts = { weights: undefined as string | undefined, limit: HELD_OUT_PER_CLASS, json: false, backend: 'wasm' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? '';
    if (a === '--weights') opts.weights = value();
    else if (a === '--limit') opts.limit = Number(value());
    else if (a === '--json') opts.json = true;
    else if (a === '--backend') opts.backend = value();
    else throw new Error(`unknown option "${a}" (--weights DIR, --limit N, --json, --backend wasm|cpu)`);
  }
  if (!Number.isInteger(opts.limit) || opts.limit < 1 || opts.limit > HELD_OUT_PER_CLASS) {
    throw new Error(`--limit takes a whole number from 1 to ${HELD_OUT_PER_CLASS}`);
  }
  return opts;
}

function classFile(c: number): unknown[] {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('fashion-mnist/package.json')), 'src', 'clothes');
  return (JSON.parse(readFileSync(join(dir, `${c}.json`), 'utf8')) as { data: unknown[] }).data;
}

async function main(): Promise<void> {
  routeConsoleToStderr();
  const opts = parseArgs(process.argv.slice(2));
  if (!isBackendName(opts.backend)) throw new Error(`unknown backend "${opts.backend}"`);
  const backend = await startBackend(opts.backend);
  const { net, notice } = await loadNetwork(opts.weights);
  process.stderr.write(`${notice}\n${backendNotice(backend.name)}\n`);
  const src = net.source;
  if (src.kind !== 'trained') throw new Error('no trained weights to evaluate');
  const size = src.metadata.inputSize;
  // predictions need no intermediates: batch norm folded into the convolutions (same logits to ~1e-6)
  const fused = FusedNetwork.fromPlan(net.plan());
  const names = src.metadata.classNames;

  const confusion = names.map(() => names.map(() => 0));
  /** Every image's predicted class, class by class, in held-out order. */
  const predictions: number[] = [];
  const start = performance.now();
  let total = 0;
  for (let c = 0; c < names.length; c++) {
    const images = heldOutOfClass(classFile(c)).images.slice(0, opts.limit);
    for (let i = 0; i < images.length; i += BATCH) {
      const batch = images.slice(i, i + BATCH);
      const pixels = Float32Array.from(batch.flat(), (v) => v / 255);
      const predicted = tf.tidy(() => {
        const x = tf.tensor4d(pixels, [batch.length, IMAGE_SIDE, IMAGE_SIDE, 1]);
        const resized = size === IMAGE_SIDE ? x : tf.image.resizeBilinear(x, [size, size], false, true);
        return tf.argMax(fused.forward(tf.transpose(resized, [0, 3, 1, 2]) as tf.Tensor4D), 1);
      });
      const row = confusion[c] as number[];
      for (const p of await predicted.data()) {
        row[p] = (row[p] ?? 0) + 1;
        predictions.push(p);
      }
      predicted.dispose();
      total += batch.length;
    }
    process.stderr.write(
      `class ${c} (${names[c]}) done, ${total} images, ${((performance.now() - start) / 1000).toFixed(0)} s\n`,
    );
  }
  const correct = confusion.reduce((a, row, i) => a + (row[i] as number), 0);
  const accuracy = correct / total;
  const seconds = (performance.now() - start) / 1000;
  const pytorch = src.metadata.testAccuracy;
  if (opts.json) {
    process.stdout.write(
      JSON.stringify({
        images: total,
        accuracy,
        pytorchAccuracy: pytorch,
        classNames: names,
        confusion,
        predictions,
        seconds,
        backend: backend.name,
      }) + '\n',
    );
  } else {
    const w = 7;
    const short = names.map((n) => n.slice(0, w - 1).padStart(w));
    const lines = [
      `held-out images: ${total}  accuracy (tfjs, ${backend.name}): ${(accuracy * 100).toFixed(2)} %` +
        (typeof pytorch === 'number'
          ? `  PyTorch, same weights: ${(pytorch * 100).toFixed(2)} %  difference: ${((accuracy - pytorch) * 100).toFixed(2)} points`
          : ''),
      `time: ${seconds.toFixed(1)} s (${((seconds * 1000) / total).toFixed(2)} ms per image at ${size}×${size})`,
      '',
      'confusion matrix (rows: true class, columns: predicted)',
      ''.padStart(12) + short.join(''),
      ...confusion.map(
        (row, i) => (names[i] as string).slice(0, 11).padEnd(12) + row.map((v) => String(v).padStart(w)).join(''),
      ),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  fused.dispose();
  net.dispose();
}

main().catch((e: unknown) => {
  process.stderr.write(`eval: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
