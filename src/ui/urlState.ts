/**
 * The page's shareable state: one typed table of URL parameters. Each value is read once,
 * here, into its real type (an input, a lab configuration, a set of hidden panels), so no
 * component parses a string again; a value that cannot be read is reported with the others
 * in one message, in the page's language, and its default used. The writer leaves defaults
 * out so links stay short. A new parameter is one row of `URL_PARAMS`.
 */
import { decodeLab, encodeLab, NOTEBOOK_CONFIG } from '../explain/lab/pythonLine';
import { LAB_STAGES } from '../explain/lab/types';
import { LESSON_STOPS } from '../explain/lesson/stops';
import { RACE_BUDGET_IDS } from '../explain/race/budgets';
import { parseRaceDepths } from '../explain/race/setup';
import type { Point } from '../explain/functionClasses/ellipse';
import { DEFAULT_TRUTH, FIGURE_BOX } from '../explain/functionClasses/regions';
import { formatInputSpec, parseInputSpec, type InputSpec } from '../explain/stepper/inputs';
import { BACKEND_ORDER } from '../model/types';
import { BAD, flag, oneOf, setOf, typed, wholeNumber, type Expected } from './urlParams';
import { ARCH_IDS } from '../model/variants';
import { MIN_INPUT_SIZE } from '../model/inputSizes';

/** The largest size the network accepts, for memory on a school laptop (the smallest is `MIN_INPUT_SIZE`). */
export const MAX_SIZE = 512;

/** Panels of the stepper a teacher can hide for class: the notebook's code, the input and predictions. */
export const HIDEABLE = ['code', 'side'] as const;
/** How the feature maps are coloured: each channel on its own range, one range per layer, one for all. */
export const SCALE_MODES = ['channel', 'layer', 'global'] as const;

function linkInput(raw: string): InputSpec | undefined {
  const spec = parseInputSpec(raw);
  return spec && !('error' in spec) ? spec : undefined;
}

function parseFigurePoint(raw: string): Point | undefined {
  const m = /^(\d{1,3}(?:\.\d)?),(\d{1,3}(?:\.\d)?)$/.exec(raw);
  if (!m) return undefined;
  const p = { x: Number(m[1]), y: Number(m[2]) };
  return p.x <= FIGURE_BOX.width && p.y <= FIGURE_BOX.height ? p : undefined;
}

export const URL_PARAMS = [
  /** Interface language. */
  oneOf('lang', ['en', 'zh'], 'en'),
  /** Force a tfjs backend (`auto`: WebGPU, else WebGL, else WASM, else CPU). */
  oneOf('backend', ['auto', ...BACKEND_ORDER], 'auto'),
  /** Input height and width, e.g. 224 for the notebook's example; 0: the model's training size. */
  wholeNumber('size', MIN_INPUT_SIZE, MAX_SIZE, 0),
  /** The stepper's input (undefined: the first held-out sample); uploaded photos are never in a link. */
  typed('input', undefined as InputSpec | undefined, linkInput, (s) => (s ? formatInputSpec(s) : '')),
  /** Position in the trace, e.g. `b3.0.conv3` ('' : the input); checked against the network once traced. */
  typed(
    'step',
    '',
    (raw) => (/^[a-z0-9.]{1,40}$/.test(raw) ? raw : undefined),
    (s) => s,
  ),
  /** How feature maps are scaled. */
  oneOf('view', SCALE_MODES, 'channel'),
  /** The block lab's `Residual(...)`, `X` and BatchNorm mode, e.g. `3_6_1_2__4_3_6_6`. */
  typed('blk', NOTEBOOK_CONFIG, decodeLab, encodeLab),
  /** Stepper panels a teacher hides for class. */
  setOf('hide', HIDEABLE),
  /** The block lab's selected data-path step ('': the last one computed). */
  oneOf('bstep', ['', ...LAB_STAGES.filter((s) => s !== 'construct')], ''),
  /** Projector mode: larger type and thicker lines for the back row. */
  flag('projector'),
  /** The function-classes figure: classes F1…F`fstep` are shown. */
  wholeNumber('fstep', 1, 6, 1),
  /** The depth experiment's Adam steps per network (0: the default's; fewer for a slow laptop or a test). */
  wholeNumber('fsteps', 1, 2000, 0),
  /** The function-classes figure's truth f*, dragged by the reader: `x,y` in the figure's units. */
  typed('fstar', DEFAULT_TRUTH, parseFigurePoint, (p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`),
  /** The guided lesson's stop, 1-based (0: not in the lesson). */
  wholeNumber('lesson', 1, LESSON_STOPS.length, 0),
  /** The network the chapter runs: `resnet18` (the notebook's, trained), `resnet34`, `resnet50`, …, `resnet34-preact`. */
  oneOf('arch', ARCH_IDS, 'resnet18'),
  /** The race's budget (`auto`: the largest whose verdict comes in about three minutes at this device's measured speed). */
  oneOf('rbudget', ['auto', ...RACE_BUDGET_IDS], 'auto'),
  /** The race: the depths raced, e.g. `8,32` (none: the budget's). */
  typed('rdepths', [] as readonly number[], parseRaceDepths, (ds) => ds.join(',')),
  /** The race: the first stage's width (0: the budget's). */
  wholeNumber('rwidth', 2, 16, 0),
  /** The race: training steps per network (0: the budget's). */
  wholeNumber('rsteps', 1, 5000, 0),
  /** The lesion study: how many held-out images (0: all 1,000; rounded down to whole rounds of the ten classes). */
  wholeNumber('lesionn', 10, 1000, 0),
  /** The stepper runs with this residual block removed (`b3.0`; '': none), from the lesion study. */
  typed(
    'removed',
    '',
    (raw) => (/^b[2-5]\.\d{1,2}$/.test(raw) ? raw : undefined),
    (s) => s,
  ),
  /** The race's loss landscape: grid points per side (7: a quick look, for tests and slow devices). */
  oneOf('lgrid', ['21', '7', '11', '31'], '21'),
] as const;

type Row = (typeof URL_PARAMS)[number];
export type UrlState = { readonly [R in Row as R['key']]: R['fallback'] };
export type UrlParam = keyof UrlState;
export type Lang = UrlState['lang'];
export type BackendParam = UrlState['backend'];
export type HiddenPanel = (typeof HIDEABLE)[number];

export const DEFAULT_STATE = Object.fromEntries(URL_PARAMS.map((p) => [p.key, p.fallback])) as unknown as UrlState;

/** A value of the link that could not be used, for the one message that lists them. */
export interface UrlProblem {
  readonly param: string;
  /** The link's text, cut to 40 characters. */
  readonly value: string;
  readonly expected: Expected;
}

export interface ParsedUrlState {
  readonly state: UrlState;
  /** One problem per rejected parameter; its default is used instead. */
  readonly errors: readonly UrlProblem[];
}

// the rows are heterogeneous; this is the one place that treats them alike
type AnyRow = {
  key: UrlParam;
  fallback: unknown;
  parse: (raw: string) => unknown;
  format: (v: unknown) => string;
  expected: Expected;
};
const ROWS = URL_PARAMS as unknown as readonly AnyRow[];

/** A problem for `param` (also used by checks that need the network, such as an unknown step). */
export function urlProblem(param: UrlParam, raw: string): UrlProblem {
  const row = ROWS.find((r) => r.key === param) as AnyRow;
  return { param, value: raw.slice(0, 40), expected: row.expected };
}

/** Read the state from a query string (`?lang=zh&size=224`). Unknown parameters are ignored. */
export function parseUrlState(search: string): ParsedUrlState {
  const params = new URLSearchParams(search);
  const state: Record<string, unknown> = { ...DEFAULT_STATE };
  const errors: UrlProblem[] = [];
  for (const row of ROWS) {
    const raw = params.get(row.key);
    if (raw === null || raw === '') continue;
    const value = row.parse(raw);
    if (value === BAD) errors.push(urlProblem(row.key, raw));
    else state[row.key] = value;
  }
  return { state: state as UrlState, errors };
}

/**
 * Write the state as a query string, leaving out what equals `base` (the defaults, or a lesson
 * stop's pinned view); `''` when nothing differs. A value that differs from `base` is written
 * even where it is empty (`step=`: the input, where the stop pins another step).
 */
export function formatUrlState(state: UrlState, base: UrlState = DEFAULT_STATE): string {
  const params = new URLSearchParams();
  for (const row of ROWS) {
    const text = row.format(state[row.key]);
    if (text !== row.format(base[row.key])) params.set(row.key, text);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
