/**
 * The shipped build carries no test hook: its code (`window.__resnetTestHook`, the worker's
 * faults and counters) is compiled into the build for tests only. The same words are looked
 * for in that build, so the check cannot pass by looking for words that no build contains.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const HOOK_WORDS = ['__resnetTestHook', 'failNextAllocation', 'slowOps', 'tracesComputed', 'backendsStarted'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(js|html|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function hookWordsIn(dir: string): string[] {
  const found = new Set<string>();
  for (const f of files(dir)) {
    const text = readFileSync(f, 'utf8');
    for (const w of HOOK_WORDS) if (text.includes(w)) found.add(w);
  }
  return [...found].sort();
}

test('the shipped dist/ has no trace of the test hook; the build for tests has all of it', () => {
  expect(hookWordsIn('dist')).toEqual([]);
  expect(hookWordsIn('dist-e2e')).toEqual([...HOOK_WORDS].sort());
});
