/**
 * A run of the experiment kept as data (JSON: its Float32Arrays as plain arrays), so the
 * page can show what the experiment measures before a live run finishes. It always says
 * it is recorded, where and when (`RecordedRun`).
 */
import { FAMILIES, type ExperimentResult, type Family } from './experimentSetup';

export interface RecordedRun {
  /** The day it ran (YYYY-MM-DD). */
  readonly date: string;
  readonly result: Omit<ExperimentResult, 'fit'> & {
    readonly fit: {
      readonly xs: readonly number[];
      readonly ys: readonly number[];
      readonly predictions: Record<Family, readonly number[]>;
    };
  };
}

export function toRecorded(result: ExperimentResult, date: string): RecordedRun {
  const { fit, ...rest } = result;
  return {
    date,
    result: {
      ...rest,
      fit: {
        xs: Array.from(fit.xs),
        ys: Array.from(fit.ys),
        predictions: Object.fromEntries(FAMILIES.map((f) => [f, Array.from(fit.predictions[f])])) as Record<
          Family,
          number[]
        >,
      },
    },
  };
}

export function fromRecorded(run: RecordedRun): ExperimentResult {
  const { fit, ...rest } = run.result;
  return {
    ...rest,
    fit: {
      xs: Float32Array.from(fit.xs),
      ys: Float32Array.from(fit.ys),
      predictions: Object.fromEntries(FAMILIES.map((f) => [f, Float32Array.from(fit.predictions[f])])) as Record<
        Family,
        Float32Array
      >,
    },
  };
}
