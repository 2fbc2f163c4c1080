/**
 * The lesion study's state on the page: download the held-out images (once), run the
 * study in the model worker with progress, cancel, and keep the result for the visit
 * (by weights and image count), so coming back to the chapter shows it without running again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeLesionData, LESION_DATA_BYTES, LESION_DATA_FILE } from '../../explain/lesion/data';
import type { ModelClient } from '../../workers/modelClient';
import type { LesionTable } from '../../workers/lesionRunner';

export type LesionState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'loading'; readonly fraction: number }
  | { readonly phase: 'running'; readonly fraction: number }
  | { readonly phase: 'done'; readonly table: LesionTable }
  | { readonly phase: 'cancelled' }
  | { readonly phase: 'error'; readonly message: string; readonly data?: boolean };

/** Results of this visit, by `key` (the weights and the image count). */
const kept = new Map<string, LesionTable>();
let bytes: Promise<Uint8Array> | undefined;

async function download(onFraction: (f: number) => void): Promise<Uint8Array> {
  const res = await fetch(new URL(LESION_DATA_FILE, document.baseURI));
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${LESION_DATA_FILE}`);
  const out = new Uint8Array(await res.arrayBuffer());
  onFraction(1);
  if (out.length !== LESION_DATA_BYTES) throw new Error(`${LESION_DATA_FILE} has ${out.length} bytes`);
  return out;
}

/** The held-out images, downloaded on first use; a failed download is tried again next time. */
function lesionBytes(onFraction: (f: number) => void): Promise<Uint8Array> {
  if (!bytes) {
    const p = download(onFraction);
    p.catch(() => {
      if (bytes === p) bytes = undefined;
    });
    bytes = p;
  }
  return bytes;
}

export function useLesionStudy(client: ModelClient | undefined, key: string, images: number) {
  const full = `${key}|${images}`;
  const [state, setState] = useState<LesionState>(() => {
    const table = kept.get(full);
    return table ? { phase: 'done', table } : { phase: 'idle' };
  });
  const live = useRef(0);
  /** The run whose images are still downloading (a cancel then means it never starts). */
  const downloading = useRef<number | undefined>(undefined);
  useEffect(() => {
    const table = kept.get(full);
    setState(table ? { phase: 'done', table } : { phase: 'idle' });
    const runs = live; // a counter, not a node: the cleanup makes any run in flight stale
    return () => {
      runs.current++;
    };
  }, [full]);

  const run = useCallback(() => {
    if (!client) return;
    const token = ++live.current;
    const set = (s: LesionState) => token === live.current && setState(s);
    set({ phase: 'loading', fraction: 0 });
    downloading.current = token;
    lesionBytes((fraction) => set({ phase: 'loading', fraction }))
      .catch((e: unknown) => {
        console.warn('lesion images failed to download:', e);
        set({ phase: 'error', data: true, message: e instanceof Error ? e.message : String(e) });
        return undefined;
      })
      .then(async (all) => {
        if (!all || token !== live.current) return;
        downloading.current = undefined;
        const data = decodeLesionData(all, images);
        set({ phase: 'running', fraction: 0 });
        try {
          const table = await client.lesion(data.images, data.labels, (done, total) =>
            set({ phase: 'running', fraction: done / total }),
          );
          kept.set(full, table);
          set({ phase: 'done', table });
        } catch (e) {
          if (token !== live.current) return;
          const message = e instanceof Error ? e.message : String(e);
          if (!/cancelled/i.test(message)) console.warn('lesion study failed:', e);
          set(/cancelled/i.test(message) ? { phase: 'cancelled' } : { phase: 'error', message });
        }
      });
  }, [client, full, images]);

  const cancel = useCallback(() => {
    // cancelled while its images download: the run is dropped before it reaches the worker
    if (downloading.current !== undefined && downloading.current === live.current) {
      downloading.current = undefined;
      live.current++;
      setState({ phase: 'cancelled' });
    }
    client?.cancelLesion();
  }, [client]);

  // leaving the chapter stops a run in progress: its result would have nowhere to go
  useEffect(() => () => client?.cancelLesion(), [client]);

  return { state, run, cancel };
}
