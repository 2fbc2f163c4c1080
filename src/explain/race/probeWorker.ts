/**
 * Timing one backend in a worker of its own (./probePolicy.ts chooses the order and limits):
 * the worker is terminated at the limit, so its work cannot slow the next probe down, and
 * kept only when `keep` takes it (the fastest so far trains the race). A probe without a
 * limit (the last resort: nothing else trained) is watched instead: a worker the browser
 * stopped without a word (out of memory) reports no step, and after the silence watch's limit
 * (./watchdog.ts: 60 s, or 10 × the longest gap between its steps) the probe fails.
 */
import type { BackendName } from '../../model/types';
import type { ProbeSpeed } from './budgets';
import { ProbeError } from './probePolicy';
import type { RaceWorkerLike } from './sessionState';
import { SilenceWatch, type WatchClock } from './watchdog';

export function probeInWorker(
  spawn: () => RaceWorkerLike,
  name: BackendName,
  limitMs: number | undefined,
  data: Uint8Array,
  keep: (w: RaceWorkerLike, speed: ProbeSpeed) => boolean,
  clock?: WatchClock,
): Promise<{ msPerStep: number }> {
  return new Promise((resolve, reject) => {
    const w = spawn();
    const end = (err: ProbeError) => {
      clearTimeout(timer);
      watch?.stop();
      w.terminate();
      reject(err);
    };
    const timer =
      limitMs === undefined
        ? undefined
        : setTimeout(() => end(new ProbeError('timeout', `the probe took over ${limitMs / 1000} s`)), limitMs);
    const watch =
      limitMs === undefined
        ? new SilenceWatch({
            expectedGapMs: 0,
            onSilent: () => end(new ProbeError('failed', 'the race worker stopped answering')),
            ...(clock ? { clock } : {}),
          })
        : undefined;
    w.onmessage = ({ data: m }) => {
      watch?.heard();
      if (m.type === 'error') end(new ProbeError(m.failure, m.message));
      if (m.type !== 'probed') return;
      clearTimeout(timer);
      watch?.stop();
      if (!keep(w, m.speed)) w.terminate();
      resolve({ msPerStep: m.speed.msPerStep });
    };
    w.onerror = (e) => end(new ProbeError('failed', e.message ?? 'the race worker could not start'));
    const copy = data.slice().buffer;
    w.postMessage({ type: 'probe', backend: name, data: copy }, [copy]);
  });
}
