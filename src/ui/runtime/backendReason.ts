/**
 * Why the page runs on its backend, as sentences to translate: the race's numbers
 * ("WebAssembly — 40× faster than WebGPU (software adapter) here"), the link's request,
 * or a lost GPU device.
 */
import { raceVerdict } from '../../model/backendRace';
import type { BackendName } from '../../model/types';
import type { RuntimeBackend } from '../../workers/modelMessages';

export interface Sentence {
  readonly key: string;
  /** Lists are joined by the translation (`{{others, list}}`), in the page's language. */
  readonly params: Record<string, string | number | readonly string[]>;
}

/** `label`: a backend's name for a person, marked when its adapter is software. */
export function backendReason(b: RuntimeBackend, label: (name: BackendName, software: boolean) => string): Sentence[] {
  const name = label(b.name, b.software);
  if (b.reason === 'requested')
    return [{ key: 'runtime.why.requested', params: { name, param: b.requested ?? b.name } }];
  if (b.reason === 'deviceLost') return [{ key: 'runtime.why.deviceLost', params: { name } }];
  const timings = b.timings ?? [];
  const v = raceVerdict({ winner: b.name, timings });
  const win = timings.find((t) => t.name === b.name);
  const other = timings.find((t) => t.name === v.runnerUp);
  const out: Sentence[] = [];
  if (v.runnerUp && other && win?.ms !== undefined && v.times !== undefined) {
    out.push({
      key: v.atLeast ? 'runtime.why.fasterAtLeast' : 'runtime.why.faster',
      params: {
        name,
        other: label(v.runnerUp, !!v.runnerUpSoftware),
        times: v.times,
        ms: Math.round(win.ms),
        otherMs: Math.round((other.ms ?? other.stoppedAfterMs) as number),
        size: b.raceSize ?? 0,
      },
    });
  } else {
    const unmeasured = timings
      .filter((t) => t.error?.startsWith('not measured'))
      .map((t) => label(t.name, !!t.software));
    out.push(
      unmeasured.length > 0
        ? { key: 'runtime.why.unmeasured', params: { name, others: unmeasured } }
        : { key: 'runtime.why.only', params: { name } },
    );
  }
  if (b.notTimed && b.notTimed.length > 0) {
    // only software adapters are left untimed
    const others = b.notTimed.map((n) => label(n, true));
    out.push({ key: 'runtime.why.notTimed', params: { others } });
  }
  if (b.reason === 'remembered') out.push({ key: 'runtime.why.remembered', params: {} });
  return out;
}
