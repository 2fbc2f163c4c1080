import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, formatUrlState, parseUrlState } from '../urlState';

describe('the figure step in the URL', () => {
  it('reads fstep=1…6, leaves the default out of links, and reports other values', () => {
    expect(DEFAULT_STATE.fstep).toBe(1);
    expect(parseUrlState('?fstep=4').state.fstep).toBe(4);
    expect(formatUrlState({ ...DEFAULT_STATE, fstep: 4 })).toBe('?fstep=4');
    expect(formatUrlState(DEFAULT_STATE)).toBe('');
    for (const bad of ['0', '7', '2.5', 'x']) {
      const { state, errors } = parseUrlState(`?fstep=${bad}`);
      expect(state.fstep).toBe(1);
      expect(errors[0]).toMatchObject({ param: 'fstep', expected: { key: 'range', values: { min: 1, max: 6 } } });
    }
  });
});
