import { describe, expect, it } from 'vitest';
import table from '../__fixtures__/pytorch-add-outcomes.json';
import { blockOutcome } from './outcome';
import { broadcastShapes, compareDims, inplaceAdd } from './broadcast';
import { formatCall } from './pythonLine';
import type { ErrorOutcome, FailureCause, LabConfig } from './types';

interface Row {
  input: number[];
  input_channels: number;
  num_channels: number;
  use_1x1conv: boolean;
  strides: number;
  mode: 'train' | 'eval';
  note: string;
  call: string;
  outcome: 'ok' | 'error';
  output?: number[];
  stage?: string;
  errorType?: string;
  message?: string;
  printedShapes?: number[][];
}

const rows = (table as { cases: Row[] }).cases;

function configOf(r: Row): LabConfig {
  return {
    args: {
      inputChannels: r.input_channels,
      numChannels: r.num_channels,
      use1x1conv: r.use_1x1conv,
      strides: r.strides,
    },
    input: r.input,
    mode: r.mode,
  };
}

describe('blockOutcome matches PyTorch on every row of the committed table', () => {
  it('has the table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(59);
  });
  it.each(rows.map((r) => [`${r.call} on ${JSON.stringify(r.input)} (${r.mode}): ${r.note}`, r] as const))(
    '%s',
    (_name, r) => {
      const o = blockOutcome(configOf(r));
      expect(o.kind).toBe(r.outcome);
      if (o.kind === 'ok') {
        expect(o.output).toEqual(r.output);
        expect(o.printedShapes).toEqual(r.printedShapes);
        expect(o.steps.at(-1)?.shape).toEqual(r.output);
      } else {
        expect(o.stage).toBe(r.stage);
        expect(o.errorType).toBe(r.errorType);
        expect(o.message).toBe(r.message);
        if (r.printedShapes) expect(o.printedShapes).toEqual(r.printedShapes);
        else expect(o.printedShapes).toBeUndefined();
      }
    },
  );
  it.each(rows.map((r) => [r.call, r] as const))('prints %s as the table does', (_c, r) => {
    expect(formatCall(configOf(r).args)).toBe(r.call);
  });
});

describe("the notebook's two examples", () => {
  const notebookX = [4, 3, 6, 6];
  it('Residual(3, 3) keeps (4, 3, 6, 6), every step the same shape', () => {
    const o = blockOutcome({
      args: { inputChannels: 3, numChannels: 3, use1x1conv: false, strides: 1 },
      input: notebookX,
      mode: 'train',
    });
    expect(o.kind).toBe('ok');
    if (o.kind !== 'ok') return;
    expect(o.output).toEqual([4, 3, 6, 6]);
    expect(o.steps.map((s) => s.step)).toEqual(['conv1', 'bn1', 'relu', 'conv2', 'bn2', 'add', 'relu2']);
    expect(o.broadcastDims).toEqual([]);
  });
  it('Residual(3, 6, use_1x1conv=True, strides=2) gives (4, 6, 3, 3) with conv3 on the shortcut', () => {
    const o = blockOutcome({
      args: { inputChannels: 3, numChannels: 6, use1x1conv: true, strides: 2 },
      input: notebookX,
      mode: 'train',
    });
    expect(o.kind === 'ok' && o.output).toEqual([4, 6, 3, 3]);
    expect(o.steps.find((s) => s.step === 'conv3')?.shape).toEqual([4, 6, 3, 3]);
  });
  it('Residual(3, 6) fails at Y += X, and the fix is the 1×1 convolution', () => {
    const o = blockOutcome({
      args: { inputChannels: 3, numChannels: 6, use1x1conv: false, strides: 1 },
      input: notebookX,
      mode: 'train',
    });
    expect(o.kind).toBe('error');
    if (o.kind !== 'error') return;
    expect(o.cause).toBe('addChannels');
    expect(o.fix).toEqual({ args: { use1x1conv: true } });
    const fixed = blockOutcome({
      args: { inputChannels: 3, numChannels: 6, use1x1conv: true, strides: 1 },
      input: notebookX,
      mode: 'train',
    });
    expect(fixed.kind).toBe('ok');
  });
});

/**
 * Which failures the lab must offer a one-click fix for. Every cause it reports today has
 * one; a cause that should not would be listed here as false, on purpose.
 */
const OFFERS_FIX: Readonly<Record<FailureCause, boolean>> = {
  randFractional: true,
  randNegative: true,
  constructFractional: true,
  constructNegative: true,
  convRank: true,
  convStride: true,
  convZeroOut: true,
  convChannels: true,
  convKernel: true,
  convZeroChannels: true,
  bn3d: true,
  bnSingle: true,
  addChannels: true,
  addSize: true,
  addInplace: true,
};

describe('every failure offers the fix it must, and the fix removes the failure', () => {
  const failing = rows.filter((r) => r.outcome === 'error');
  it('the table has failures of many causes', () => {
    const causes = new Set(failing.map((r) => (blockOutcome(configOf(r)) as ErrorOutcome).cause));
    expect(causes.size).toBeGreaterThanOrEqual(10);
  });
  it.each(failing.map((r) => [r.call, r] as const))('%s', (_c, r) => {
    const cfg = configOf(r);
    const o = blockOutcome(cfg);
    expect(o.kind).toBe('error');
    const err = o as ErrorOutcome;
    expect(err.fix !== undefined, `fix offered for ${err.cause}`).toBe(OFFERS_FIX[err.cause]);
    if (!err.fix) return; // a failure listed above as offering no fix
    const next = blockOutcome({
      args: { ...cfg.args, ...err.fix.args },
      input: err.fix.input ?? cfg.input,
      mode: err.fix.mode ?? cfg.mode,
    });
    expect(next.kind === 'ok' || next.cause !== err.cause).toBe(true);
  });
});

describe('broadcasting', () => {
  it('compares from the last dimension and names it', () => {
    expect(broadcastShapes([4, 6, 3, 3], [4, 3, 6, 6])).toMatchObject({ ok: false, dim: 3, a: 3, b: 6 });
    expect(broadcastShapes([5, 1], [3])).toEqual({ ok: true, shape: [5, 3] });
  });
  it('lets X broadcast into Y but not Y grow', () => {
    expect(inplaceAdd([2, 4, 5, 5], [2, 1, 5, 5])).toEqual({ ok: true, shape: [2, 4, 5, 5], broadcastDims: [1] });
    expect(inplaceAdd([2, 1, 5, 5], [2, 4, 5, 5])).toMatchObject({ ok: false, kind: 'inplace' });
  });
});

describe('compareDims', () => {
  it('walks from the last dimension and stops at the first mismatch', () => {
    expect(compareDims([4, 6, 3, 3], [4, 3, 6, 6]).map((r) => [r.dim, r.verdict])).toEqual([
      [3, 'mismatch'],
      [2, 'unchecked'],
      [1, 'unchecked'],
      [0, 'unchecked'],
    ]);
    expect(compareDims([2, 4, 5, 5], [2, 1, 5, 5]).map((r) => r.verdict)).toEqual([
      'equal',
      'equal',
      'broadcastX',
      'equal',
    ]);
    expect(compareDims([2, 1, 5, 5], [2, 4, 5, 5])[2]?.verdict).toBe('growY');
  });
  it('agrees with inplaceAdd on every add in the table', () => {
    for (const r of rows.filter((row) => row.printedShapes)) {
      const [y, x] = r.printedShapes as [number[], number[]];
      const v = compareDims(y, x).map((d) => d.verdict);
      const add = inplaceAdd(y, x);
      expect(v.includes('mismatch')).toBe(!add.ok && add.kind === 'mismatch');
      expect(v.includes('growY') && !v.includes('mismatch')).toBe(!add.ok && add.kind === 'inplace');
    }
  });
});
