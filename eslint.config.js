import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** The rooms of src/, lowest first: a room may import only those below it. */
const ORDER = ['model', 'explain', 'workers', 'ui'];
const UP_FROM = (room) => [...ORDER.slice(ORDER.indexOf(room) + 1), 'viz', 'cli'].map((r) => `**/${r}/**`);
/** The tests and their config: never imported from src/. */
const NO_TESTS = ['**/e2e/**', '**/playwright.config*'];

/** One `no-restricted-imports` block per room. */
function rooms(table) {
  return Object.entries(table).map(([files, patterns]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: patterns, message: 'imports point down: ui → explain → model (see README, Layout)' },
            { group: NO_TESTS, message: 'src/ never imports the tests or their config' },
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-e2e/',
      'node_modules/',
      'training/',
      'test-results/',
      'playwright-report/',
      'public/',
      '.cache/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // The rooms of src/ and the way imports point between them (see README, "Layout"):
  //   ui → explain → model, ui → viz (viz sees model/types only), ui → workers → explain → model,
  //   cli → explain → model. Nothing in src/ imports the tests (e2e/) or the Playwright config,
  //   and no room imports a room above it.
  ...rooms({
    'src/model/**/*.ts': [...UP_FROM('model'), 'react', 'react-dom', 'd3'],
    // a worker's message types are a contract, which the race's session (explain) speaks
    'src/explain/**/*.ts': [...UP_FROM('explain'), '!**/workers/*Messages', 'react', 'react-dom'],
    'src/workers/**/*.ts': [...UP_FROM('workers'), 'react', 'react-dom', 'd3'],
    'src/cli/**/*.ts': ['**/ui/**', '**/viz/**', '**/workers/**', 'react', 'react-dom'],
    'src/i18n/**/*.ts': ['**/model/**', '**/explain/**', '**/viz/**', '**/ui/**', '**/workers/**', '**/cli/**'],
    'src/ui/**/*.{ts,tsx}': ['**/cli/**'],
  }),
  {
    files: ['src/viz/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/model/*', '!**/model/types'], message: 'viz may import only model/types' },
            {
              group: ['@tensorflow/*', '**/ui/**', '**/explain/**', '**/workers/**', '**/cli/**', 'react'],
              message: 'viz draws plain data',
            },
            { group: NO_TESTS, message: 'src/ never imports the tests or their config' },
          ],
        },
      ],
    },
  },
  {
    // the specs drive the app and its pages; the Playwright config is Playwright's, not theirs
    files: ['e2e/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/playwright.config*'] }] },
  },
);
