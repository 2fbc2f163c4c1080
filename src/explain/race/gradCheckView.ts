/**
 * What the race chapter's "Checked against PyTorch" shows, as plain data: the events the
 * gradient-check worker sends, the state they build, the verdict, and numbers in a form a
 * student reads (2.3 × 10⁻⁶).
 */
import type { BackendName } from '../../model/types';
import { GRAD_TOLERANCE, type Comparison, type NetworkSummary } from './gradCheck';

/** Why a check could not run, for a message in the page's language. */
export type GradCheckFailure = 'backend' | 'download' | 'other';

/** Worker → page (src/workers/gradCheckWorker.ts). */
export type GradCheckEvent =
  | {
      readonly type: 'plan';
      /** The backend that runs: the one asked for, never another. */
      readonly backend: BackendName;
      /** The networks to check, in order; `exact` false when the race's own have no fixture. */
      readonly ids: readonly string[];
      readonly exact: boolean;
    }
  | { readonly type: 'network'; readonly summary: NetworkSummary }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly failure: GradCheckFailure; readonly detail: string };

export interface GradCheckView {
  readonly phase: 'idle' | 'starting' | 'running' | 'done' | 'error';
  readonly backend?: BackendName;
  readonly ids: readonly string[];
  readonly exact: boolean;
  readonly results: readonly NetworkSummary[];
  readonly failure?: GradCheckFailure;
}

export const IDLE_CHECK: GradCheckView = { phase: 'idle', ids: [], exact: true, results: [] };
export const STARTING_CHECK: GradCheckView = { ...IDLE_CHECK, phase: 'starting' };

export function reduceGradCheck(view: GradCheckView, e: GradCheckEvent): GradCheckView {
  switch (e.type) {
    case 'plan':
      return { ...view, phase: 'running', backend: e.backend, ids: e.ids, exact: e.exact };
    case 'network':
      return { ...view, results: [...view.results, e.summary] };
    case 'done':
      return { ...view, phase: 'done' };
    case 'error':
      return { ...view, phase: 'error', failure: e.failure };
  }
}

/** The whole check's verdict: passed when every network passed; the worst comparison of all. */
export function gradCheckVerdict(
  view: GradCheckView,
): { readonly passed: boolean; readonly worst: { readonly id: string; readonly comparison: Comparison } } | undefined {
  if (view.phase !== 'done' || view.results.length === 0) return undefined;
  const worst = view.results.reduce((w, r) => (!(r.worst.relative <= w.worst.relative) ? r : w));
  return { passed: view.results.every((r) => r.passed), worst: { id: worst.id, comparison: worst.worst } };
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** 2.3 × 10⁻⁶ (two significant digits); 0 and non-finite numbers as themselves. */
export function scientific(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return x === Infinity ? '∞' : String(x);
  const [mantissa, exponent] = x.toExponential(1).split('e') as [string, string];
  const power = `10${[...String(Number(exponent))].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
  return mantissa === '1.0' ? power : `${mantissa} × ${power}`;
}

/** The allowed relative error, as shown. */
export const ALLOWED = scientific(GRAD_TOLERANCE.relative);
