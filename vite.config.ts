import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { onDemandModelFolders } from './src/model/shipped';

/**
 * The built page's Content-Security-Policy: everything from the page's own origin, nothing
 * inline, no eval. `'wasm-unsafe-eval'` lets tfjs compile its WebAssembly; `blob:` scripts
 * and workers are how tfjs's threaded WASM starts its threads. Styles need no
 * `'unsafe-inline'`: React and d3 set style properties through the CSSOM, which CSP allows,
 * and KaTeX's MathML output needs no inline styles. Build only: Vite's dev server injects
 * an inline script of its own.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * Cross-origin isolation lets tfjs's WASM backend use threads (SharedArrayBuffer).
 * The page loads nothing from other origins, so `require-corp` costs nothing.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Folders of `public/` that a chapter fetches only when it is opened (a chapter's own data
 * set): not precached at install, cached at first use instead, so a student who never
 * opens that chapter never downloads them. Add the folder here, e.g. 'data/race'. Every trained
 * network but the default ResNet-18 is one of them (`models/resnet34-fmnist`, …): its weights
 * download when a person chooses it, and come from this cache from then on.
 */
const CACHED_WHEN_OPENED: readonly string[] = ['race', 'lesion', ...onDemandModelFolders()];

/**
 * `vite build --mode e2e` (into `dist-e2e/`, `npm run build:e2e`) is the build for tests: it
 * compiles in the test hook (`__TEST_HOOK__`, see src/env.d.ts). Every other build, the
 * shipped one included, replaces the flag with `false` and drops the hook's code.
 */
const E2E_MODE = 'e2e';

export default defineConfig(({ mode }) => ({
  base: './',
  define: { __TEST_HOOK__: JSON.stringify(mode === E2E_MODE) },
  plugins: [
    react(),
    contentSecurityPolicy(),
    // The service worker (Workbox): every file of the build precached with its own revision,
    // so a new release re-downloads only the files that changed. A new version waits until
    // the student reloads (src/ui/offline.ts offers it) instead of switching mid-lesson.
    VitePWA({
      // the build for tests has none (the tests block it), and builds faster without it
      disable: mode === E2E_MODE,
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*'],
        globIgnores: CACHED_WHEN_OPENED.map((folder) => `${folder}/**`),
        // the trained weights are one 11 MB file; Workbox's 2 MiB default would silently leave them out
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        // Vite's assets carry a content hash in their names: the name is their revision
        dontCacheBustURLsMatching: /^assets\//,
        // any link into the app (?lang=zh#/resnet-18, …) opens the cached page
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        runtimeCaching: CACHED_WHEN_OPENED.map((folder) => ({
          urlPattern: new RegExp(`/${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`),
          handler: 'CacheFirst' as const,
          options: { cacheName: `opened-${folder.replace(/\W/g, '-')}` },
        })),
      },
    }),
  ],
  server: { headers: isolation, host: 'localhost' },
  preview: { headers: isolation, host: 'localhost' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    ...(mode === E2E_MODE ? { outDir: 'dist-e2e', minify: false, reportCompressedSize: false } : {}),
  },
  worker: { format: 'es' },
}));
