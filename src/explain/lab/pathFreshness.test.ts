import { describe, expect, it } from 'vitest';
import { pathFreshness } from './pathFreshness';

describe('the data path’s freshness', () => {
  it('is out of date while the edited line did not run, even while a run finishes', () => {
    expect(pathFreshness({ lineFailed: true, running: false })).toBe('lineNotRun');
    expect(pathFreshness({ lineFailed: true, running: true })).toBe('lineNotRun');
  });
  it('waits for its maps while the block runs again, and is current after', () => {
    expect(pathFreshness({ lineFailed: false, running: true })).toBe('mapsPending');
    expect(pathFreshness({ lineFailed: false, running: false })).toBe('current');
  });
});
