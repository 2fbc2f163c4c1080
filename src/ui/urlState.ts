/**
 * The page's shareable state: one typed table of URL parameters, one parser that
 * rejects bad values with a message a person can read, one writer that leaves
 * defaults out so links stay short. Every feature that puts state in the URL adds
 * its parameter here.
 */
import { BACKEND_ORDER, type BackendName } from '../model/types';
import { ARCH_IDS, type ArchId } from '../model/variants';
import { RESIDUAL_STEPS } from '../model/blocks';

export type Lang = 'en' | 'zh';
export type BackendParam = BackendName | 'auto';

export interface UrlState {
  /** Interface language. */
  lang: Lang;
  /** Force a tfjs backend (`auto`: WebGPU, else WebGL, else WASM, else CPU). */
  backend: BackendParam;
  /** Input height and width, e.g. 224 for the seed's example; 0: the model's training size. */
  size: number;
  /**
   * Which input (empty: the first held-out sample): `sample:c3-6004` (a held-out Fashion-MNIST
   * image), `rand:0` (the seed's torch.rand with that seed), `draw:<28×28, 4 bits a pixel,
   * base64url>`. Uploaded photos are never put here. Parsed by src/explain/stepper/inputs.ts.
   */
  input: string;
  /** Position in the trace: a step such as `b3`, `b3.0` or `b3.0.conv3` (empty: the input). */
  step: string;
  /** How feature maps are scaled: `layer` or `global` (empty: per channel). */
  view: string;
  /** The block lab's configuration, e.g. `3_6_1_2__4_3_6_6` for Residual(3, 6, True, 2) on (4, 3, 6, 6) (empty: the seed's). */
  blk: string;
  /** Panels of the stepper a teacher hides for class, comma-separated: `code`, `side` (empty: show all). */
  hide: string;
  /** The block lab's selected data-path step (`conv1`, `add`, …; empty: the last one computed). */
  bstep: string;
  /** Projector mode: larger type and thicker lines for the back row (`1`), or off (`0`). */
  projector: '0' | '1';
  /** The function-classes figure: classes F1…F`fstep` are shown (1 to 6). */
  fstep: number;
  /** The network the stepper runs: `resnet18` (the seed's, trained), `resnet34`, `resnet50`, …, `resnet34-preact`. */
  arch: ArchId;
  /** The race: depths raced, e.g. `8,32` (empty: the backend's budget); width of the first stage and steps (0: the budget's). */
  rdepths: string;
  rwidth: number;
  rsteps: number;
}

interface Param<K extends keyof UrlState> {
  readonly key: K;
  readonly fallback: UrlState[K];
  /** Parse a URL value, or return an error message. */
  readonly parse: (raw: string) => UrlState[K] | { error: string };
}

function oneOf<K extends keyof UrlState>(key: K, values: readonly string[], fallback: UrlState[K]): Param<K> {
  return {
    key,
    fallback,
    parse: (raw) =>
      values.includes(raw) ? (raw as UrlState[K]) : { error: `${key}=${raw} is not one of ${values.join(', ')}` },
  };
}

function text<K extends keyof UrlState>(key: K, pattern: RegExp): Param<K> {
  return {
    key,
    fallback: '' as UrlState[K],
    parse: (raw) => (pattern.test(raw) ? (raw as UrlState[K]) : { error: `${key}=${raw.slice(0, 40)} is not valid` }),
  };
}

function whole<K extends keyof UrlState>(key: K, min: number, max: number): Param<K> {
  return {
    key,
    fallback: 0 as UrlState[K],
    parse: (raw) => {
      const n = Number(raw);
      return Number.isInteger(n) && n >= min && n <= max
        ? (n as UrlState[K])
        : { error: `${key}=${raw} must be a whole number from ${min} to ${max}` };
    },
  };
}

/** Sizes the network accepts: from 32 (the smallest with 1×1 in b5) to 512 (memory on a school laptop). */
export const MIN_SIZE = 32;
export const MAX_SIZE = 512;

export const URL_PARAMS = [
  oneOf('lang', ['en', 'zh'], 'en'),
  oneOf('backend', ['auto', ...BACKEND_ORDER], 'auto'),
  {
    key: 'size',
    fallback: 0,
    parse: (raw: string) => {
      const n = Number(raw);
      return Number.isInteger(n) && n >= MIN_SIZE && n <= MAX_SIZE
        ? n
        : { error: `size=${raw} must be a whole number from ${MIN_SIZE} to ${MAX_SIZE}` };
    },
  } satisfies Param<'size'>,
  text('input', /^[a-z]+(:[A-Za-z0-9_\-.~]{0,4000})?$/),
  text('step', /^[a-z0-9.]{1,40}$/),
  text('view', /^[a-z0-9\-,]{1,60}$/),
  text('blk', /^[0-9a-z.\-_]{1,120}$/),
  oneOf('projector', ['0', '1'], '0'),
  oneOf('arch', ARCH_IDS, 'resnet18'),
  oneOf('hide', ['', 'code', 'side', 'code,side'], ''),
  oneOf('bstep', ['', 'input', ...RESIDUAL_STEPS], ''),
  {
    key: 'fstep',
    fallback: 1,
    parse: (raw: string) => {
      const n = Number(raw);
      return Number.isInteger(n) && n >= 1 && n <= 6 ? n : { error: `fstep=${raw} must be a whole number from 1 to 6` };
    },
  } satisfies Param<'fstep'>,
  text('rdepths', /^(8|20|32|56)(,(8|20|32|56)){0,3}$/),
  whole('rwidth', 2, 16),
  whole('rsteps', 1, 5000),
] as const;

export const DEFAULT_STATE: UrlState = Object.fromEntries(
  URL_PARAMS.map((p) => [p.key, p.fallback]),
) as unknown as UrlState;

export interface ParsedUrlState {
  readonly state: UrlState;
  /** One message per rejected parameter; the default is used instead. */
  readonly errors: readonly string[];
}

/** Read the state from a query string (`?lang=zh&size=224`). Unknown parameters are ignored. */
export function parseUrlState(search: string): ParsedUrlState {
  const params = new URLSearchParams(search);
  const state = { ...DEFAULT_STATE } as Record<keyof UrlState, unknown>;
  const errors: string[] = [];
  for (const p of URL_PARAMS) {
    const raw = params.get(p.key);
    if (raw === null || raw === '') continue;
    const v = (p.parse as (r: string) => unknown)(raw);
    if (typeof v === 'object' && v !== null && 'error' in v) errors.push((v as { error: string }).error);
    else state[p.key] = v;
  }
  return { state: state as unknown as UrlState, errors };
}

/** Write the state as a query string, leaving out defaults (`''` when everything is default). */
export function formatUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  for (const p of URL_PARAMS) {
    const v = state[p.key];
    if (v !== p.fallback) params.set(p.key, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
