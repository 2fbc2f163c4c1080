/**
 * The kinds of row the URL table is made of. A row names its parameter, its default,
 * how to read a value into its real type, how to write it back, and what a good value
 * looks like (an i18n key under `url.expected`, so the one message about a bad link is
 * in the page's language).
 */

/** What `parse` returns for a value it cannot read. */
export const BAD = Symbol('bad URL value');

/** What a good value looks like: `url.expected.<key>`, with its placeholders. */
export interface Expected {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

export interface Param<K extends string, T> {
  readonly key: K;
  /** The value when the link does not say; never written into a link. */
  readonly fallback: T;
  /** A non-empty URL value in its real type, or `BAD`. */
  readonly parse: (raw: string) => T | typeof BAD;
  /** The URL text of a value (`''`: leave the parameter out). */
  readonly format: (value: T) => string;
  readonly expected: Expected;
}

/** One of a few words, e.g. `lang=zh`. */
export function oneOf<K extends string, const V extends readonly string[]>(
  key: K,
  values: V,
  fallback: V[number],
): Param<K, V[number]> {
  return {
    key,
    fallback,
    parse: (raw) => (values.includes(raw) ? raw : BAD),
    format: (v) => v,
    expected: { key: 'oneOf', values: { values: values.filter(Boolean).join(', ') } },
  };
}

/** A whole number from `min` to `max`; `fallback` may lie outside (e.g. 0: "the model's own"). */
export function wholeNumber<K extends string>(key: K, min: number, max: number, fallback: number): Param<K, number> {
  return {
    key,
    fallback,
    parse: (raw) => {
      const n = Number(raw);
      return /^\d+$/.test(raw) && n >= min && n <= max ? n : BAD;
    },
    format: String,
    expected: { key: 'range', values: { min, max } },
  };
}

/** `0` or `1`, as a boolean. */
export function flag<K extends string>(key: K): Param<K, boolean> {
  return {
    key,
    fallback: false,
    parse: (raw) => (raw === '1' ? true : raw === '0' ? false : BAD),
    format: (v) => (v ? '1' : '0'),
    expected: { key: 'oneOf', values: { values: '0, 1' } },
  };
}

/** A comma-separated set of words, kept in the order of `values` (so a link has one spelling). */
export function setOf<K extends string, const V extends readonly string[]>(
  key: K,
  values: V,
): Param<K, readonly V[number][]> {
  return {
    key,
    fallback: [],
    parse: (raw) => {
      const words = raw.split(',');
      if (words.some((w) => !values.includes(w))) return BAD;
      return values.filter((v) => words.includes(v));
    },
    format: (set) => values.filter((v) => set.includes(v)).join(','),
    expected: { key: 'setOf', values: { values: values.join(', ') } },
  };
}

/** Anything with its own reader and writer (an input, a lab configuration). */
export function typed<K extends string, T>(
  key: K,
  fallback: T,
  parse: (raw: string) => T | undefined,
  format: (value: T) => string,
): Param<K, T> {
  return {
    key,
    fallback,
    parse: (raw) => parse(raw) ?? BAD,
    format,
    expected: { key },
  };
}
