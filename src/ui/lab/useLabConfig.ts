/** The lab's configuration, kept in the URL's `blk` so a teacher's link opens the same block. */
import { useCallback, useMemo } from 'react';
import { decodeLab, encodeLab, SEED_CONFIG } from '../../explain/lab/pythonLine';
import type { LabConfig } from '../../explain/lab/types';
import type { PageProps } from '../pages/pageProps';

export interface LabConfigState {
  readonly config: LabConfig;
  readonly setConfig: (c: LabConfig) => void;
  /** The link's `blk` when it could not be read (the seed's example is shown instead). */
  readonly badLink?: string;
}

export function useLabConfig({ state, update }: PageProps): LabConfigState {
  const decoded = useMemo(() => (state.blk ? decodeLab(state.blk) : SEED_CONFIG), [state.blk]);
  const setConfig = useCallback(
    (c: LabConfig) => {
      const encoded = encodeLab(c);
      update({ blk: encoded === encodeLab(SEED_CONFIG) ? '' : encoded });
    },
    [update],
  );
  return decoded ? { config: decoded, setConfig } : { config: SEED_CONFIG, setConfig, badLink: state.blk };
}
