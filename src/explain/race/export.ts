/**
 * "Download the run": the race as JSON (everything: config, backend, measurements, times,
 * every curve) and as CSV (one row per network, step and measurement, the set-up in `#`
 * lines at the top), for a spreadsheet, pandas (`comment='#'`) or a lab report.
 */
import { raceEntries } from './setup';
import type { RaceSessionState } from './session';

/** The run as one JSON document (nothing left out that the page measured). */
export function raceRunJson(s: RaceSessionState, page: string): string {
  const networks = s.config
    ? raceEntries(s.config).map((e) => ({
        id: e.id,
        family: e.spec.family,
        n: e.spec.n,
        depth: e.depth,
        width: e.spec.width,
        loss: s.curves[e.id]?.loss ?? [],
        validation: s.curves[e.id]?.val ?? [],
        gradientNorms: s.curves[e.id]?.grads ?? [],
      }))
    : [];
  const doc = {
    page,
    phase: s.phase,
    backend: s.backend ?? null,
    measurements: s.measurements ?? [],
    probeSpeed: s.speed ?? null,
    budget: s.budget ?? null,
    budgetChosenBy: s.budgetByPage === undefined ? null : s.budgetByPage ? 'page' : 'teacher',
    config: s.config ?? null,
    times: {
      startedAt: s.startedAt ?? null,
      finishedAt: s.finishedAt ?? null,
      measuringSeconds: s.measuringSeconds ?? null,
      trainingSeconds: s.runningSeconds,
      estimatedSeconds: s.estimateSeconds ?? null,
    },
    ...(s.error ? { error: s.error } : {}),
    networks,
  };
  return JSON.stringify(doc, null, 1);
}

const CSV_HEADER = ['network', 'family', 'depth', 'step', 'seconds', 'measure', 'layer', 'value'];

/** The run as CSV: `measure` is loss, val_accuracy or grad_norm (with the layer, 1 = the input's). */
export function raceRunCsv(s: RaceSessionState, page: string): string {
  const meta = [
    `# ${page}`,
    `# backend: ${s.backend ?? ''}`,
    `# budget: ${s.budget ?? ''}`,
    `# config: ${s.config ? JSON.stringify(s.config) : ''}`,
    `# started: ${s.startedAt ?? ''}; finished: ${s.finishedAt ?? ''}; training seconds: ${s.runningSeconds.toFixed(1)}`,
  ];
  const rows: (string | number)[][] = [];
  for (const e of s.config ? raceEntries(s.config) : []) {
    const c = s.curves[e.id];
    if (!c) continue;
    const base = [e.id, e.spec.family, e.depth];
    for (const p of c.loss) rows.push([...base, p.step, p.seconds, 'loss', '', p.loss]);
    for (const p of c.val) rows.push([...base, p.step, p.seconds, 'val_accuracy', '', p.accuracy]);
    for (const g of c.grads) {
      // a probe step's seconds: the loss row of the same step
      const seconds = c.loss.find((p) => p.step === g.step)?.seconds ?? '';
      g.norms.forEach((v, i) => rows.push([...base, g.step, seconds, 'grad_norm', i + 1, v]));
    }
  }
  return [...meta, CSV_HEADER.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}
