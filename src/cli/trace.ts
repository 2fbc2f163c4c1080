/**
 * `npm run -s trace`: the notebook's cell 9 in TypeScript. With no arguments it prints
 * exactly what the notebook prints for X = torch.rand(1, 1, 224, 224).
 *
 *   --arch NAME       resnet18 (default), resnet34, resnet50, resnet101, resnet152
 *   --preact          the pre-activation block (resnet18 and resnet34 only)
 *   --shape N,C,H,W   input shape (default 1,1,224,224); with --image: N copies of the
 *                     picture resized to H×W (C must be 1)
 *   --image FILE.png  a picture instead of random input (gray, [0, 1])
 *   --json            one JSON document: the variant, its cost, every node, logits, probabilities
 *   --weights DIR     a folder with model.json (default: the shipped trained ResNet-18, else random)
 *   --backend NAME    wasm (default) or cpu
 *   --seed N          seed of the random input (default 0)
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import * as tf from '@tensorflow/tfjs-core';
import {
  archNodes,
  grayImageToInput,
  networkCost,
  randomInput,
  readPredictions,
  rgbaToGray,
  traceForward,
  type ResNet,
} from '../model';
import { seedCell9Lines } from '../explain/notebookPrints';
import { backendNotice, loadNetwork, routeConsoleToStderr, startBackend } from './nodeSetup';
import { parseTraceArgs, USAGE, type TraceOptions } from './traceOptions';

function readPngGray(file: string): { gray: Float32Array; height: number; width: number } {
  let png: PNG;
  try {
    png = PNG.sync.read(readFileSync(file));
  } catch (e) {
    throw new Error(`${file} is not a readable PNG image (${e instanceof Error ? e.message : String(e)})`);
  }
  return { gray: rgbaToGray(png.data, 4), height: png.height, width: png.width };
}

/** The input tensor the options ask for, and a line saying what it is. */
function makeInput(opts: TraceOptions, net: ResNet): { x: tf.Tensor4D; notice: string } {
  if (!opts.image) {
    const shape = opts.shape ?? [1, 1, 224, 224];
    archNodes(net.arch, shape); // a readable error for shapes the network cannot take, before allocating
    return { x: randomInput(shape, opts.seed), notice: `input: torch.rand(${shape.join(', ')}), seed ${opts.seed}` };
  }
  const { gray, height, width } = readPngGray(opts.image);
  const trainedSize = net.source.kind === 'trained' ? net.source.metadata.inputSize : 224;
  const [n, , h, w] = opts.shape ?? [1, 1, trainedSize, trainedSize];
  archNodes(net.arch, [n, 1, h, w]);
  const one = grayImageToInput(gray, height, width, h, w);
  const x = n === 1 ? one : tf.tidy(() => tf.tile(one, [n, 1, 1, 1]) as tf.Tensor4D);
  if (x !== one) one.dispose();
  return { x, notice: `input: ${opts.image} (${width}×${height}) → (${n}, 1, ${h}, ${w})` };
}

async function main(): Promise<void> {
  routeConsoleToStderr();
  const opts = parseTraceArgs(process.argv.slice(2));
  if (opts === 'help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const backend = await startBackend(opts.backend);
  const { net, notice } = await loadNetwork(opts.weights, opts.arch);
  process.stderr.write(`${notice}
${backendNotice(backend.name)}
`);
  const source = net.source;
  const { x, notice: inputNotice } = makeInput(opts, net);
  process.stderr.write(`${inputNotice}\n`);

  const start = performance.now();
  const trace = traceForward(net, x);
  const preds = await readPredictions(trace);
  const ms = performance.now() - start;
  process.stderr.write(`trace: ${trace.nodes.length} operations in ${ms.toFixed(0)} ms\n`);

  if (opts.json) {
    const classNames = source.kind === 'trained' ? source.metadata.classNames : undefined;
    const cost = networkCost(trace.nodes);
    const doc = {
      arch: net.arch.id,
      depth: net.arch.depth,
      totalParams: cost.total.params,
      totalMultiplyAdds: cost.total.multiplyAdds,
      activationBytes: cost.total.bytes,
      stages: cost.stages.map(({ name, params, multiplyAdds, bytes }) => ({ name, params, multiplyAdds, bytes })),
      backend: backend.name,
      weights:
        source.kind === 'trained'
          ? { kind: 'trained', inputSize: source.metadata.inputSize, testAccuracy: source.metadata.testAccuracy }
          : { kind: 'random', seed: source.seed },
      input: { shape: x.shape, ...(opts.image ? { image: opts.image } : { random: { seed: opts.seed } }) },
      nodes: trace.nodes.map((n) => ({
        path: n.path,
        op: n.op,
        shape: n.shape,
        params: n.params.paramCount,
        multiplyAdds: n.multiplyAdds,
        bytes: n.bytes,
      })),
      logits: preds.logits,
      probabilities: preds.probabilities,
      predictions: preds.probabilities.map((p) => {
        const index = p.indexOf(Math.max(...p));
        return classNames ? { index, className: classNames[index] } : { index };
      }),
    };
    process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  } else {
    process.stdout.write(
      seedCell9Lines(trace.nodes)
        .map((l) => l.text)
        .join('\n') + '\n',
    );
  }
  trace.dispose();
  x.dispose();
  net.dispose();
}

main().catch((e: unknown) => {
  process.stderr.write(`trace: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
