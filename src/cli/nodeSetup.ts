/** Shared set-up for the Node command-line tools: backend, weights, quiet stdout. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { nodeBackendLoaders } from '../model/nodeBackends';
import { loadStateDictFromDir } from '../model/nodeWeights';
import {
  RESNET18,
  ResNet,
  shippedModel,
  networkFromWeights,
  selectBackend,
  type ArchSpec,
  type BackendChoice,
  type BackendName,
} from '../model';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The shipped trained weights. */
export const DEFAULT_WEIGHTS_DIR = join(REPO_ROOT, 'public', 'models', 'resnet18-fmnist');

/** tfjs and its backends print notices with console.log; keep stdout for results only. */
export function routeConsoleToStderr(): void {
  const toErr = (...args: unknown[]) => process.stderr.write(args.map(String).join(' ') + '\n');
  console.log = toErr;
  console.info = toErr;
  console.warn = toErr;
}

/** The stderr line naming the backend; WASM in Node runs on one thread, which timings should say. */
export function backendNotice(name: BackendName): string {
  return name === 'wasm'
    ? "backend: wasm (tfjs's WebAssembly backend is single-threaded in Node; in a cross-origin isolated browser page it uses every core)"
    : `backend: ${name}`;
}

export async function startBackend(requested: BackendName = 'wasm'): Promise<BackendChoice> {
  return selectBackend(nodeBackendLoaders, requested);
}

/**
 * The network with weights from `dir` (default: the shipped weights of `arch`, ResNet-18's
 * without one); with no weights there, or for an untrained variant, a seeded random initialisation, and
 * `notice` says which. Weights from `dir` are checked against `arch` when it is given.
 */
export async function loadNetwork(dir?: string, arch?: ArchSpec): Promise<{ net: ResNet; notice: string }> {
  const wanted = arch ?? RESNET18;
  const shipped = shippedModel(wanted.id);
  const weightsDir = dir ?? (shipped ? join(REPO_ROOT, 'public', 'models', shipped.folder) : DEFAULT_WEIGHTS_DIR);
  const modelPath = join(weightsDir, 'model.json');
  if (!dir && !shipped) {
    return {
      net: ResNet.random(0, 'untrained', wanted),
      notice: `weights: untrained ${wanted.name}, PyTorch's default initialisation (seed 0)`,
    };
  }
  if (!existsSync(modelPath)) {
    if (dir) throw new Error(`No model.json in ${dir}`);
    return {
      net: ResNet.random(0, 'no trained weights are shipped yet'),
      notice: `weights: random initialisation (seed 0) — no trained weights at ${modelPath}`,
    };
  }
  const { model, stateDict } = await loadStateDictFromDir(weightsDir);
  try {
    const net = networkFromWeights(model, stateDict, () => ({
      kind: 'trained',
      url: modelPath,
      metadata: model.userDefinedMetadata,
    }));
    if (arch && net.arch.id !== arch.id) {
      net.dispose();
      const flags = `--arch ${net.arch.id.replace('-preact', ' --preact')}`;
      throw new Error(`${modelPath} holds ${net.arch.name} weights, not ${arch.name}: drop --arch or pass ${flags}`);
    }
    const acc = model.userDefinedMetadata.testAccuracy;
    const accText = typeof acc === 'number' ? `, held-out accuracy ${(acc * 100).toFixed(2)} %` : '';
    const size = model.userDefinedMetadata.inputSize;
    return { net, notice: `weights: trained ${net.arch.name}, ${modelPath} (input ${size}×${size}${accText})` };
  } finally {
    tf.dispose(Object.values(stateDict));
  }
}

/** The first of $PYTHON, python3, /usr/bin/python3 that imports torch (the bench's PyTorch rows). */
export function findPython(): string | undefined {
  const candidates = [process.env['PYTHON'], 'python3', '/usr/bin/python3'].filter((p): p is string => !!p);
  return candidates.find((py) => spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0);
}
