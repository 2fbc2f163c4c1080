import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser, see e2e/fixtures.ts)
 * against the production build served by `vite preview` on localhost, a secure context, so
 * WebGPU is available (on SwiftShader where there is no GPU).
 *
 * The specs that drive the model worker through its test hook (`window.__resnetTestHook`:
 * lose the device, slow every operation, fail an allocation, count traces) run against the
 * build for tests instead (`npm run build:e2e`, in `dist-e2e/`): the shipped build has no hook.
 */
const PORT = Number(process.env['E2E_PORT'] ?? 4173);
const HOOK_PORT = Number(process.env['E2E_HOOK_PORT'] ?? PORT + 100);
/**
 * The specs that use the test hook: every spec whose code calls it (`window.__resnetTestHook…`
 * outside a comment), found by reading the specs, so a new one cannot land on the shipped build.
 */
const HOOK_SPECS = readdirSync('e2e')
  .filter((f) => f.endsWith('.spec.ts'))
  .filter((f) =>
    readFileSync(`e2e/${f}`, 'utf8')
      .split('\n')
      .some((line) => /window\.__resnetTestHook/.test(line) && !/^\s*(\*|\/\/)/.test(line)),
  )
  .map((f) => new RegExp(`/${f.replace(/\./g, '\\.')}$`));

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    // the offline spec turns the service worker on; elsewhere it would hide requests from page.route
    serviceWorkers: 'block',
  },
  // the build for tests first: its specs hold the longest (the soak, about 90 s), which at the
  // end of the run kept one of `npm test`'s two workers busy while the other had nothing left
  projects: [
    { name: 'test-build', testMatch: HOOK_SPECS, use: { baseURL: `http://localhost:${HOOK_PORT}/` } },
    { name: 'shipped', testIgnore: HOOK_SPECS, use: { baseURL: `http://localhost:${PORT}/` } },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
    {
      command: `npx vite preview --mode e2e --port ${HOOK_PORT} --strictPort`,
      url: `http://localhost:${HOOK_PORT}/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
  ],
});
