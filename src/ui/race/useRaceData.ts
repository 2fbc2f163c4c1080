/**
 * Downloads the race's Fashion-MNIST subset when the chapter first opens (never before),
 * with progress; later visits in the same session reuse it. The service worker caches it
 * for offline use once fetched.
 */
import { useEffect, useState } from 'react';
import { RACE_DATA_BYTES, RACE_DATA_FILE } from '../../explain/race/data';

export type RaceDataState =
  | { readonly phase: 'loading'; readonly fraction: number }
  | { readonly phase: 'ready'; readonly bytes: Uint8Array }
  | { readonly phase: 'error'; readonly message: string };

let loaded: Uint8Array | undefined;

async function download(onFraction: (f: number) => void): Promise<Uint8Array> {
  const res = await fetch(new URL(RACE_DATA_FILE, document.baseURI));
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} for ${RACE_DATA_FILE}`);
  const out = new Uint8Array(RACE_DATA_BYTES);
  const reader = res.body.getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > out.length) throw new Error(`${RACE_DATA_FILE} is larger than expected`);
    out.set(value, at);
    at += value.length;
    onFraction(at / out.length);
  }
  if (at !== out.length) throw new Error(`${RACE_DATA_FILE} has ${at} bytes, expected ${out.length}`);
  return out;
}

export function useRaceData(): RaceDataState {
  const [state, setState] = useState<RaceDataState>(() =>
    loaded ? { phase: 'ready', bytes: loaded } : { phase: 'loading', fraction: 0 },
  );
  useEffect(() => {
    if (loaded) return;
    let live = true;
    download((fraction) => live && setState({ phase: 'loading', fraction }))
      .then((bytes) => {
        loaded = bytes;
        if (live) setState({ phase: 'ready', bytes });
      })
      .catch((e: unknown) => live && setState({ phase: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
