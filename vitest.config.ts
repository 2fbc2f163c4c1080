import { defineConfig } from 'vitest/config';

export default defineConfig({
  // the test hook is the e2e build's (vite.config.ts); unit tests see the shipped code
  define: { __TEST_HOOK__: 'false' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    // hooks load backends and weights: on a loaded machine that passes Vitest's 10 s default
    hookTimeout: 60_000,
    pool: 'forks',
    // a yield between tests: see the file
    setupFiles: ['./vitest.setup.ts'],
  },
});
