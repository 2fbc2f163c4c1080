import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILY_RAMPS, PALETTE } from './palette';

const SRC = join(__dirname, '..');
/** A hex colour: #rgb or #rrggbb (an issue number such as #19 is too short to match). */
const HEX = /#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b/g;

/** Every .ts/.tsx file under `dir`, except tests and snapshots. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__snapshots__' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** `file:line: colour` for each hex colour in `text`. */
function hexColoursIn(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => [...line.matchAll(HEX)].map((m) => `${file}:${i + 1}: ${m[0]}`));
}

describe('the palette', () => {
  it('is the only place in src/ where TypeScript writes a hex colour', () => {
    const found = sources(SRC)
      .filter((f) => relative(SRC, f) !== join('viz', 'palette.ts'))
      .flatMap((f) => hexColoursIn(relative(SRC, f), readFileSync(f, 'utf8')));
    // a colour to add goes into src/viz/palette.ts under a name that says what it is for
    expect(found).toEqual([]);
  });

  it('finds a colour written anywhere on a line, in either length', () => {
    expect(hexColoursIn('a.ts', 'x\nconst c = \'#D9480F\';\nfill="#fff" #19')).toEqual([
      'a.ts:2: #D9480F',
      'a.ts:3: #fff',
    ]);
  });

  it('holds one plain and one residual colour, the second of each depth ramp', () => {
    expect(FAMILY_RAMPS.plain[1]).toBe(PALETTE.plain);
    expect(FAMILY_RAMPS.residual[1]).toBe(PALETTE.residual);
    expect(new Set(Object.values(PALETTE)).size).toBe(Object.values(PALETTE).length);
  });
});
