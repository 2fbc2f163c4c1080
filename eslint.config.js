import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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
  {
    // The layers point one way: model ← explain ← ui, viz ← ui. viz may use model/types only.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/explain/**', '**/viz/**', '**/ui/**', 'react', 'react-dom', 'd3'] },
      ],
    },
  },
  {
    files: ['src/explain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/viz/**', '**/ui/**', 'react', 'react-dom'] }] },
  },
  {
    files: ['src/viz/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/model/*', '!**/model/types'], message: 'viz may import only model/types' },
            { group: ['@tensorflow/*', '**/ui/**', '**/explain/**', 'react'], message: 'viz draws plain data' },
          ],
        },
      ],
    },
  },
);
