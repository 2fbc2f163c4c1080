import { defineConfig } from '@playwright/test';
import { chromiumPath } from './src/cli/checkChromium';

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser) against the
 * production build served by `vite preview` on localhost, a secure context, so
 * WebGPU is available (on SwiftShader where there is no GPU).
 */
export const CHROMIUM = chromiumPath();
const PORT = Number(process.env['E2E_PORT'] ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1366, height: 768 },
    // the offline spec turns the service worker on; elsewhere it would hide requests from page.route
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
