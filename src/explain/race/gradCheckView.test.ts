import { describe, expect, it } from 'vitest';
import { compare, fixturesFor, type FixtureIndex, type NetworkSummary } from './gradCheck';
import { gradCheckVerdict, reduceGradCheck, scientific, STARTING_CHECK, type GradCheckView } from './gradCheckView';

const summary = (id: string, relative: number): NetworkSummary => {
  const worst = compare('gradient', 'linear.weight', relative, 1, 0);
  return { id, spec: { family: 'plain', n: 1, width: 4 }, worst, passed: worst.passed, compared: 30, seconds: 2 };
};

describe('the gradient check as the page shows it', () => {
  it('builds its state from the worker, and judges only when done', () => {
    let v = reduceGradCheck(STARTING_CHECK, { type: 'plan', backend: 'webgl', ids: ['a', 'b'], exact: true });
    expect(v.phase).toBe('running');
    v = reduceGradCheck(v, { type: 'network', summary: summary('a', 3e-6) });
    expect(gradCheckVerdict(v)).toBeUndefined();
    v = reduceGradCheck(v, { type: 'network', summary: summary('b', 2e-3) });
    v = reduceGradCheck(v, { type: 'done' });
    expect(gradCheckVerdict(v)).toMatchObject({ passed: false, worst: { id: 'b' } });
    expect(reduceGradCheck(v, { type: 'error', failure: 'backend', detail: 'x' }).phase).toBe('error');
  });

  it('counts a NaN as the worst and as a failure', () => {
    const nan = summary('a', NaN);
    expect(nan.passed).toBe(false);
    const running: GradCheckView = { ...STARTING_CHECK, phase: 'running' };
    const v = [summary('b', 1e-7), nan].reduce((s, r) => reduceGradCheck(s, { type: 'network', summary: r }), running);
    expect(gradCheckVerdict(reduceGradCheck(v, { type: 'done' }))).toMatchObject({ passed: false, worst: { id: 'a' } });
  });

  it('holds each tensor to 1e-4·‖b‖ + 1e-6·G', () => {
    expect(compare('gradient', 'x', 0.99e-4, 1, 0).passed).toBe(true);
    expect(compare('gradient', 'x', 1.01e-4, 1, 0).passed).toBe(false);
    // a zero gradient (a bias before batch norm) is held to 1e-6 of the largest gradient norm
    expect(compare('gradient', 'x', 0.9e-6 * 5, 0, 5).passed).toBe(true);
    expect(compare('gradient', 'x', 1.1e-6 * 5, 0, 5).passed).toBe(false);
  });

  it("allows five times the tensor's float32 spread on top", () => {
    // 1e-4·1 + 5·2e-3 = 1.01e-2
    expect(compare('after', 'x', 1.0e-2, 1, 0, 2e-3).passed).toBe(true);
    expect(compare('after', 'x', 1.02e-2, 1, 0, 2e-3).passed).toBe(false);
    expect(compare('after', 'x', 1.0e-2, 1, 0).passed).toBe(false);
  });

  it('writes numbers as a student reads them', () => {
    expect(scientific(2.34e-6)).toBe('2.3 × 10⁻⁶');
    expect(scientific(1e-4)).toBe('10⁻⁴');
    expect(scientific(0)).toBe('0');
    expect(scientific(Infinity)).toBe('∞');
  });

  it("picks the race's networks, or the nearest it has", () => {
    const net = (n: number, width: number) => ({ id: `plain-${n}-w${width}`, spec: { family: 'plain', n, width } });
    const index = { networks: [net(1, 4), net(3, 4), net(1, 8), net(5, 8)] } as unknown as FixtureIndex;
    expect(fixturesFor(index, [1, 5], 8)).toMatchObject({ exact: true, networks: [net(1, 8), net(5, 8)] });
    expect(fixturesFor(index, [9], 16)).toMatchObject({ exact: false, networks: [net(1, 8)] });
  });
});
