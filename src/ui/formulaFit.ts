/**
 * How a displayed formula fits the width it is given (a narrow column, projector type): on one
 * line at full size where it fits; else in its stacked form (one "= …" per line) at full size;
 * only then smaller, down to 60 %, and never in projector mode, where the formula is there to be
 * read from the back of the room: there, and below 60 %, the formula scrolls sideways instead.
 */

/** The smallest a formula shrinks to, as a fraction of its full size. */
export const SMALLEST_FORMULA = 0.6;

export interface FormulaWidths {
  /** The width the formula is given, in CSS pixels. */
  readonly room: number;
  /** The width its one-line form needs at full size. */
  readonly line: number;
  /** The width its stacked form needs at full size, where it has one. */
  readonly stacked?: number;
  /** Whether it may be set smaller than its full size (not in projector mode). */
  readonly mayShrink: boolean;
}

export interface FormulaFit {
  readonly form: 'line' | 'stacked';
  /** Its type size as a fraction of the full size: 1, or less where it may shrink. */
  readonly scale: number;
}

/** A little under the exact ratio: glyph widths do not scale exactly with the type size. */
const SLACK = 0.96;

export function fitFormula({ room, line, stacked, mayShrink }: FormulaWidths): FormulaFit {
  if (line <= room * 1.01) return { form: 'line', scale: 1 };
  const form = stacked !== undefined && stacked < line ? 'stacked' : 'line';
  const needs = form === 'stacked' ? stacked! : line;
  if (needs <= room * 1.01 || !mayShrink) return { form, scale: 1 };
  return { form, scale: Math.max(SMALLEST_FORMULA, (SLACK * room) / needs) };
}
