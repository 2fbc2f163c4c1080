/**
 * `npm run -s trace`: the seed's cell 9 in TypeScript. With no arguments it prints
 * exactly what the seed prints for X = torch.rand(1, 1, 224, 224).
 *
 *   --shape N,C,H,W   input shape (default 1,1,224,224)
 *   --image FILE.png  a picture instead of random input (gray, [0, 1], resized to the model's input size)
 *   --json            one JSON document: every node's path, op and shape, logits, probabilities
 *   --weights DIR     a folder with model.json (default: the shipped trained weights, else random)
 *   --backend NAME    wasm (default) or cpu
 *   --seed N          seed of the random input (default 0)
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import * as tf from '@tensorflow/tfjs-core';
import { grayImageToInput, isBackendName, randomInput, readPredictions, rgbaToGray, traceForward } from '../model';
import { seedCell9Lines } from '../explain/seedPrints';
import { loadNetwork, routeConsoleToStderr, startBackend, backendNotice } from './nodeSetup';

interface Options {
  shape?: number[];
  image?: string;
  json: boolean;
  weights?: string;
  backend: string;
  seed: number;
}

const USAGE =
  'usage: npm run -s trace -- [--shape N,C,H,W] [--image FILE.png] [--json] [--weights DIR] [--backend wasm|cpu] [--seed N]';

function parseArgs(argv: string[]): Options {
  const opts: Options = { json: false, backend: 'wasm', seed: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--json') opts.json = true;
    else if (a === '--shape') {
      const v = value();
      const parts = v.split(',').map((s) => Number(s.trim()));
      if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 1)) {
        throw new Error(`--shape takes four positive integers N,C,H,W, got "${v}"`);
      }
      opts.shape = parts;
    } else if (a === '--image') opts.image = value();
    else if (a === '--weights') opts.weights = value();
    else if (a === '--backend') opts.backend = value();
    else if (a === '--seed') opts.seed = Number(value());
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else throw new Error(`unknown option "${a}"\n${USAGE}`);
  }
  return opts;
}

function readPngGray(file: string): { gray: Float32Array; height: number; width: number } {
  let png: PNG;
  try {
    png = PNG.sync.read(readFileSync(file));
  } catch (e) {
    throw new Error(`${file} is not a readable PNG image (${e instanceof Error ? e.message : String(e)})`);
  }
  return { gray: rgbaToGray(png.data, 4), height: png.height, width: png.width };
}

async function main(): Promise<void> {
  routeConsoleToStderr();
  const opts = parseArgs(process.argv.slice(2));
  if (!isBackendName(opts.backend)) throw new Error(`unknown backend "${opts.backend}" (wasm or cpu)`);
  const backend = await startBackend(opts.backend);
  const { net, notice } = await loadNetwork(opts.weights);
  process.stderr.write(`${notice}\n${backendNotice(backend.name)}\n`);
  const source = net.source;
  const trainedSize = source.kind === 'trained' ? source.metadata.inputSize : undefined;

  let x: tf.Tensor4D;
  if (opts.image) {
    const { gray, height, width } = readPngGray(opts.image);
    const size = opts.shape?.[2] ?? trainedSize ?? 224;
    x = grayImageToInput(gray, height, width, size);
    process.stderr.write(`input: ${opts.image} (${width}×${height}) → (1, 1, ${size}, ${size})\n`);
  } else {
    const shape = opts.shape ?? [1, 1, 224, 224];
    x = randomInput(shape, opts.seed);
    process.stderr.write(`input: torch.rand(${shape.join(', ')}), seed ${opts.seed}\n`);
  }

  const start = performance.now();
  const trace = traceForward(net, x);
  const preds = await readPredictions(trace);
  const ms = performance.now() - start;
  process.stderr.write(`trace: ${trace.nodes.length} operations in ${ms.toFixed(0)} ms\n`);

  if (opts.json) {
    const classNames = source.kind === 'trained' ? source.metadata.classNames : undefined;
    const doc = {
      backend: backend.name,
      weights:
        source.kind === 'trained'
          ? { kind: 'trained', inputSize: source.metadata.inputSize, testAccuracy: source.metadata.testAccuracy }
          : { kind: 'random', seed: source.seed },
      input: { shape: x.shape, ...(opts.image ? { image: opts.image } : { random: { seed: opts.seed } }) },
      nodes: trace.nodes.map((n) => ({ path: n.path, op: n.op, shape: n.shape })),
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
