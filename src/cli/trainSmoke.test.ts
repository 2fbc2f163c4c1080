/**
 * training/train.py runs for every network the page ships trained (one batch, no checkpoint).
 * Like the bench's PyTorch rows, skipped with a notice where no Python imports torch (CI).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './pageServer';

const python = [process.env['PYTHON'], 'python3', '/usr/bin/python3']
  .filter((p): p is string => !!p)
  .find((py) => spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0);
if (!python) console.warn('training/train.py smoke test: skipped, no Python that imports torch');

describe.skipIf(!python)('training/train.py --max-batches (smoke test)', () => {
  it.each(['resnet18', 'resnet34', 'resnet50', 'resnet18 --preact'])(
    '--arch %s trains one batch',
    (spec) => {
      const flags = spec.split(' ');
      const args = ['--max-batches', '1', '--batch-size', '4', '--size', '32', '--threads', '1', '--log-every', '0'];
      const run = spawnSync(python as string, [join(REPO_ROOT, 'training', 'train.py'), '--arch', ...flags, ...args], {
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`arch ${flags[0]}${flags[1] ? '-preact' : ''}, config`);
      expect(run.stdout).toMatch(/epoch 1\/8 train_loss \d/);
    },
    300_000,
  );
});
