/**
 * Timing one backend in a worker of its own (./probePolicy.ts chooses the order and limits):
 * the worker is terminated at the limit, so its work cannot slow the next probe down, and
 * kept only when `keep` takes it (the fastest so far trains the race).
 */
import type { BackendName } from '../../model/types';
import type { ProbeSpeed } from './budgets';
import { ProbeError } from './probePolicy';
import type { RaceWorkerLike } from './sessionState';

export function probeInWorker(
  spawn: () => RaceWorkerLike,
  name: BackendName,
  limitMs: number | undefined,
  data: Uint8Array,
  keep: (w: RaceWorkerLike, speed: ProbeSpeed) => boolean,
): Promise<{ msPerStep: number }> {
  return new Promise((resolve, reject) => {
    const w = spawn();
    const end = (err: ProbeError) => {
      clearTimeout(timer);
      w.terminate();
      reject(err);
    };
    const timer =
      limitMs === undefined
        ? undefined
        : setTimeout(() => end(new ProbeError('timeout', `the probe took over ${limitMs / 1000} s`)), limitMs);
    w.onmessage = ({ data: m }) => {
      if (m.type === 'error') end(new ProbeError(m.failure, m.message));
      if (m.type !== 'probed') return;
      clearTimeout(timer);
      if (!keep(w, m.speed)) w.terminate();
      resolve({ msPerStep: m.speed.msPerStep });
    };
    w.onerror = (e) => end(new ProbeError('failed', e.message ?? 'the race worker could not start'));
    const copy = data.slice().buffer;
    w.postMessage({ type: 'probe', backend: name, data: copy }, [copy]);
  });
}
