/**
 * True only in the build for tests (`vite build --mode e2e`): the test hook
 * (`window.__resnetTestHook`, src/workers/workerTestHook.ts) is compiled in. The shipped
 * build replaces it with `false`, and the hook's code is dropped from `dist/`.
 */
declare const __TEST_HOOK__: boolean;
