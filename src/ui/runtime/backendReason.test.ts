import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import type { RuntimeBackend } from '../../workers/modelMessages';
import { backendReason } from './backendReason';

const label = (n: string, software: boolean) => (software ? `${n} (software adapter)` : n);
const base: RuntimeBackend = { name: 'wasm', reason: 'measured', attempts: [], software: false, adapterKey: 'k' };

describe('backendReason', () => {
  it('says which software adapters were left untimed, and why', () => {
    const sentences = backendReason(
      { ...base, raceSize: 64, timings: [{ name: 'wasm', ms: 20 }], notTimed: ['webgpu', 'webgl'] },
      label,
    );
    const last = sentences[sentences.length - 1];
    expect(last).toEqual({
      key: 'runtime.why.notTimed',
      params: { others: ['webgpu (software adapter)', 'webgl (software adapter)'] },
    });
    // the list is joined in the page's language
    expect(createI18n('en').t(last?.key as string, last?.params)).toMatch(
      /^Not timed: webgpu \(software adapter\) and webgl \(software adapter\)\. /,
    );
    expect(createI18n('zh').t(last?.key as string, last?.params)).toContain(
      '未测量：webgpu (software adapter)和webgl (software adapter)。',
    );
    expect(backendReason({ ...base, raceSize: 64, timings: [{ name: 'wasm', ms: 20 }] }, label)).toHaveLength(1);
  });

  it('says by how much the measured winner beat the runner-up, a lower bound when that one was stopped', () => {
    const [s] = backendReason(
      {
        ...base,
        raceSize: 64,
        timings: [
          { name: 'wasm', ms: 19.6 },
          { name: 'webgpu', stoppedAfterMs: 1604, software: true },
          { name: 'webgl', error: 'not measured: the time budget was spent' },
        ],
      },
      label,
    );
    expect(s).toEqual({
      key: 'runtime.why.fasterAtLeast',
      params: { name: 'wasm', other: 'webgpu (software adapter)', times: 82, ms: 20, otherMs: 1604, size: 64 },
    });
    const en = createI18n('en').t(s?.key as string, s?.params);
    expect(en).toMatch(/^wasm — more than 82× faster than webgpu \(software adapter\) here/);
  });

  it('names a remembered choice, a requested one and the only one that started', () => {
    const remembered = backendReason(
      {
        ...base,
        name: 'webgpu',
        reason: 'remembered',
        raceSize: 224,
        timings: [
          { name: 'wasm', ms: 90 },
          { name: 'webgpu', ms: 9 },
        ],
      },
      label,
    );
    expect(remembered.map((s) => s.key)).toEqual(['runtime.why.faster', 'runtime.why.remembered']);
    expect(remembered[0]?.params['times']).toBe(10);
    expect(backendReason({ ...base, reason: 'requested', requested: 'webgpu' }, label)[0]?.key).toBe(
      'runtime.why.requested',
    );
    expect(backendReason({ ...base, timings: [{ name: 'wasm', ms: 5 }] }, label)[0]?.key).toBe('runtime.why.only');
    const late = backendReason(
      {
        ...base,
        timings: [
          { name: 'wasm', ms: 5 },
          { name: 'webgpu', error: 'not measured: the time budget was spent', software: true },
        ],
      },
      label,
    );
    expect(late[0]).toEqual({
      key: 'runtime.why.unmeasured',
      params: { name: 'wasm', others: ['webgpu (software adapter)'] },
    });
  });
});
