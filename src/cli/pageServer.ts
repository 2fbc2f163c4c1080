/**
 * In-process web servers for the bench and the numbers e2e test, so whoever starts one
 * also stops it (no stray `vite preview` left behind):
 * - `startPagesServer`: Vite's dev server for the test-only pages in `e2e/pages/`, which
 *   import `src/model` directly. They are not part of the app, its build or its offline cache.
 * - `startAppPreview`: the built app (`dist/`), as `vite preview` serves it.
 * Both listen on a free port unless given one, and send the cross-origin isolation headers
 * (threads for WebAssembly).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, preview } from 'vite';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningServer {
  /** e.g. `http://localhost:41234/` */
  readonly url: string;
  close(): Promise<void>;
}

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Prebundled once at start-up, so a page never reloads itself halfway through a measurement. */
const PREBUNDLED = [
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-backend-webgl',
  '@tensorflow/tfjs-backend-webgpu',
];

/** Serve `handle` on `port` (0: any free port), with the isolation headers on every response. */
async function listen(handle: http.RequestListener, port: number): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((req, res) => {
    for (const [k, v] of Object.entries(isolation)) res.setHeader(k, v);
    handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return { url: `http://localhost:${actual}/`, server };
}

function closer(server: http.Server, also: () => Promise<void>): () => Promise<void> {
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await also();
  };
}

/** The test-only pages at `<url>e2e/pages/<name>.html`; the shipped weights at `<url>models/…`. */
export async function startPagesServer(port = 0): Promise<RunningServer> {
  const vite = await createServer({
    configFile: false,
    root: REPO_ROOT,
    // its own cache: node_modules may be shared with other checkouts
    cacheDir: join(REPO_ROOT, '.cache', 'vite-pages'),
    logLevel: 'warn',
    clearScreen: false,
    appType: 'mpa',
    server: { middlewareMode: true, hmr: false, ws: false, fs: { strict: false } },
    optimizeDeps: { entries: ['e2e/pages/*.html'], include: PREBUNDLED, exclude: ['onnxruntime-web'] },
  });
  const { url, server } = await listen(vite.middlewares, port);
  return { url, close: closer(server, () => vite.close()) };
}

/** The built app in `dist/` (run `npm run build` first), served as `vite preview` serves it. */
export async function startAppPreview(port = 0): Promise<RunningServer> {
  const vite = await preview({
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    root: REPO_ROOT,
    logLevel: 'warn',
    // the preview's own listener is not used: requests come through `listen`
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
  });
  await new Promise<void>((resolve) => vite.httpServer.close(() => resolve()));
  const { url, server } = await listen(vite.middlewares, port);
  return { url, close: closer(server, async () => undefined) };
}
