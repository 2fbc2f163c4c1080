/** The held-out samples shipped with the page, fetched once. */
import { useEffect, useState } from 'react';
import { decodeSamples, SAMPLES_PATH, type Sample, type SampleFile } from '../../explain/samples';

export interface SamplesState {
  readonly samples?: readonly Sample[];
  readonly classNames?: readonly string[];
  readonly error?: string;
}

let cached: Promise<{ samples: Sample[]; classNames: readonly string[] }> | undefined;

function load() {
  cached ??= fetch(`${import.meta.env.BASE_URL}${SAMPLES_PATH}`)
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json() as Promise<SampleFile>;
    })
    .then((file) => ({ samples: decodeSamples(file), classNames: file.classNames }));
  return cached;
}

export function useSamples(): SamplesState {
  const [state, setState] = useState<SamplesState>({});
  useEffect(() => {
    let cancelled = false;
    load()
      .then((s) => !cancelled && setState(s))
      .catch((e: unknown) => !cancelled && setState({ error: e instanceof Error ? e.message : String(e) }));
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
