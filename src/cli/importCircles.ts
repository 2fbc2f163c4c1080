/**
 * Part of `npm run lint`: no import circles among the project's TypeScript (src/, e2e/, the
 * configs). Reads each file's relative imports (type-only ones too: a circle of types is still
 * a circle a reader must untangle) and prints every circle found, one a line.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g;
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The file an import names, if it is one of ours. */
function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  if (/\.(ts|tsx)$/.test(base) && existsSync(base)) return base;
  return EXTENSIONS.map((e) => base + e).find((f) => existsSync(f));
}

/** Every module's imports of other modules among `files`. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const deps = [...text.matchAll(IMPORT)].map((m) => resolveImport(f, m[1] as string)).filter(Boolean);
    graph.set(f, deps as string[]);
  }
  return graph;
}

/** The circles of a graph, each as the path that closes it (`a → b → a`), found by depth-first search. */
export function findCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (state.get(d) === 'open') circles.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return circles;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : tsFiles(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const configs = ['vite.config.ts', 'vitest.config.ts', 'playwright.config.ts'].map((f) => join(root, f));
  const files = [...tsFiles(join(root, 'src')), ...tsFiles(join(root, 'e2e')), ...configs];
  const circles = findCircles(importGraph(files));
  for (const c of circles) process.stderr.write(`import circle: ${c.map((f) => relative(root, f)).join(' → ')}\n`);
  if (circles.length > 0) process.exit(1);
}
