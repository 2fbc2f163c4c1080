/**
 * The two Python lines of the notebook's cell, printed and parsed:
 *
 *     blk = Residual(3, 6, use_1x1conv=True, strides=2)
 *     X = torch.rand(4, 3, 6, 6)
 *
 * Parsing follows Python's call rules (positional, then keywords; no argument twice;
 * unknown keywords rejected) and returns errors as values with a code the page translates.
 */
import { pyNumber } from './pyFormat';
import type { BlockArgs, BnMode, LabConfig } from './types';

export const ARG_NAMES = ['input_channels', 'num_channels', 'use_1x1conv', 'strides'] as const;

export type ParseError =
  | { readonly code: 'syntax'; readonly expected: string }
  | { readonly code: 'notNumber'; readonly value: string }
  | { readonly code: 'notBool'; readonly value: string }
  | { readonly code: 'unknownKeyword'; readonly name: string }
  | { readonly code: 'twice'; readonly name: string }
  | { readonly code: 'missing'; readonly name: string }
  | { readonly code: 'tooMany'; readonly count: number }
  | { readonly code: 'positionalAfterKeyword' }
  | { readonly code: 'noSizes' };

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ParseError };

/** `Residual(3, 6, use_1x1conv=True, strides=2)`, leaving out arguments at their defaults. */
export function formatCall(a: BlockArgs): string {
  const parts = [pyNumber(a.inputChannels), pyNumber(a.numChannels)];
  if (a.use1x1conv) parts.push('use_1x1conv=True');
  if (a.strides !== 1) parts.push(`strides=${pyNumber(a.strides)}`);
  return `Residual(${parts.join(', ')})`;
}

/** `torch.rand(4, 3, 6, 6)`. */
export function formatInput(shape: readonly number[]): string {
  return `torch.rand(${shape.map(pyNumber).join(', ')})`;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(raw: string): Parsed<number> {
  const v = raw.trim();
  if (!NUMBER.test(v)) return { ok: false, error: { code: 'notNumber', value: v } };
  return { ok: true, value: Number(v) };
}

function parseBool(raw: string): Parsed<boolean> {
  const v = raw.trim();
  if (v === 'True') return { ok: true, value: true };
  if (v === 'False') return { ok: true, value: false };
  return { ok: false, error: { code: 'notBool', value: v } };
}

/** The text between `name(` and the final `)`, with an optional `target =` before it. */
function callBody(line: string, target: string, callee: RegExp, expected: string): Parsed<string> {
  const m = new RegExp(`^\\s*(?:${target}\\s*=\\s*)?${callee.source}\\s*\\((.*)\\)\\s*$`).exec(line);
  if (!m) return { ok: false, error: { code: 'syntax', expected } };
  return { ok: true, value: m[1] as string };
}

function splitArgs(body: string): string[] {
  const t = body.trim();
  if (t === '') return [];
  const parts = t.split(',').map((p) => p.trim());
  if (parts.at(-1) === '') parts.pop(); // Python allows a trailing comma
  return parts;
}

/** Parse `blk = Residual(...)` (the `blk =` is optional). */
export function parseCall(line: string): Parsed<BlockArgs> {
  const body = callBody(line, '\\w+', /Residual/, 'Residual(3, 6, use_1x1conv=True, strides=2)');
  if (!body.ok) return body;
  const given = new Map<string, string>();
  let sawKeyword = false;
  const parts = splitArgs(body.value);
  let position = 0;
  for (const part of parts) {
    const kw = /^(\w+)\s*=(.*)$/.exec(part);
    if (kw) {
      sawKeyword = true;
      const name = kw[1] as string;
      if (!(ARG_NAMES as readonly string[]).includes(name))
        return { ok: false, error: { code: 'unknownKeyword', name } };
      if (given.has(name)) return { ok: false, error: { code: 'twice', name } };
      given.set(name, kw[2] as string);
    } else {
      if (sawKeyword) return { ok: false, error: { code: 'positionalAfterKeyword' } };
      if (position >= ARG_NAMES.length) return { ok: false, error: { code: 'tooMany', count: parts.length } };
      given.set(ARG_NAMES[position] as string, part);
      position++;
    }
  }
  for (const name of ['input_channels', 'num_channels']) {
    if (!given.has(name)) return { ok: false, error: { code: 'missing', name } };
  }
  const ci = parseNumber(given.get('input_channels') as string);
  if (!ci.ok) return ci;
  const co = parseNumber(given.get('num_channels') as string);
  if (!co.ok) return co;
  const use = given.has('use_1x1conv')
    ? parseBool(given.get('use_1x1conv') as string)
    : { ok: true as const, value: false };
  if (!use.ok) return use;
  const s = given.has('strides') ? parseNumber(given.get('strides') as string) : { ok: true as const, value: 1 };
  if (!s.ok) return s;
  return {
    ok: true,
    value: { inputChannels: ci.value, numChannels: co.value, use1x1conv: use.value, strides: s.value },
  };
}

/** Parse `X = torch.rand(4, 3, 6, 6)` (also `torch.rand((4, 3, 6, 6))`; the `X =` is optional). */
export function parseInput(line: string): Parsed<number[]> {
  const body = callBody(line, '\\w+', /torch\.rand/, 'torch.rand(4, 3, 6, 6)');
  if (!body.ok) return body;
  let inner = body.value.trim();
  const tuple = /^\((.*)\)$/.exec(inner);
  if (tuple) inner = tuple[1] as string;
  const parts = splitArgs(inner);
  if (parts.length === 0) return { ok: false, error: { code: 'noSizes' } };
  const shape: number[] = [];
  for (const p of parts) {
    const v = parseNumber(p);
    if (!v.ok) return v;
    shape.push(v.value);
  }
  return { ok: true, value: shape };
}

/** The notebook's cell: `Residual(3,3)` on `torch.rand(4, 3, 6, 6)` (BatchNorm in training mode, as in the notebook). */
export const NOTEBOOK_CONFIG: LabConfig = {
  args: { inputChannels: 3, numChannels: 3, use1x1conv: false, strides: 1 },
  input: [4, 3, 6, 6],
  mode: 'train',
};

/**
 * The lab in one URL value, e.g. `3_6_1_2__4_3_6_6` (Residual(3, 6, True, 2) on (4, 3, 6, 6));
 * `__eval` at the end for eval mode. Only characters URLSearchParams leaves as they are.
 */
export function encodeLab(cfg: LabConfig): string {
  const a = cfg.args;
  const s = `${[a.inputChannels, a.numChannels, a.use1x1conv ? 1 : 0, a.strides].join('_')}__${cfg.input.join('_')}`;
  return cfg.mode === 'eval' ? `${s}__eval` : s;
}

/** Read `encodeLab`'s format back; `undefined` when it is not one. */
export function decodeLab(raw: string): LabConfig | undefined {
  const [argsPart, inputPart, modePart, ...rest] = raw.split('__');
  if (rest.length || argsPart === undefined || inputPart === undefined) return undefined;
  if (modePart !== undefined && modePart !== 'eval') return undefined;
  const nums = (s: string) => s.split('_').map((p) => (NUMBER.test(p) ? Number(p) : NaN));
  const a = nums(argsPart);
  const input = nums(inputPart);
  if (a.length !== 4 || a.some(Number.isNaN) || (a[2] !== 0 && a[2] !== 1)) return undefined;
  if (input.length < 1 || input.length > 6 || input.some(Number.isNaN)) return undefined;
  const mode: BnMode = modePart === 'eval' ? 'eval' : 'train';
  return {
    args: {
      inputChannels: a[0] as number,
      numChannels: a[1] as number,
      use1x1conv: a[2] === 1,
      strides: a[3] as number,
    },
    input,
    mode,
  };
}
