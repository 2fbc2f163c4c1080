/** The lab's configuration, kept in the URL's `blk` so a teacher's link opens the same block. */
import { useCallback } from 'react';
import type { LabConfig } from '../../explain/lab/types';
import type { PageProps } from '../pages/pageProps';

export interface LabConfigState {
  readonly config: LabConfig;
  readonly setConfig: (c: LabConfig) => void;
}

export function useLabConfig({ state, update }: Pick<PageProps, 'state' | 'update'>): LabConfigState {
  const setConfig = useCallback((blk: LabConfig) => update({ blk }), [update]);
  return { config: state.blk, setConfig };
}
