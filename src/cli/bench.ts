/**
 * `npm run bench`: how long a forward pass and a full trace take, per backend and input
 * size. Node backends always; with `--browser`, also every backend of Debian's Chromium
 * against the built app (`npm run build` first), read from the page's own timing line.
 * Prints figures; asserts nothing.
 */
import { spawn } from 'node:child_process';
import * as tf from '@tensorflow/tfjs-core';
import { randomInput, traceForward, type BackendName } from '../model';
import { loadNetwork, routeConsoleToStderr, startBackend } from './nodeSetup';

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function timeIt(f: () => Promise<void>): Promise<number> {
  await f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function benchNode(backend: BackendName, sizes: number[]): Promise<void> {
  const choice = await startBackend(backend);
  if (choice.name !== backend) {
    process.stdout.write(`node ${backend}: not available (${choice.attempts[0]?.error ?? ''})\n`);
    return;
  }
  const { net } = await loadNetwork();
  for (const size of sizes) {
    const x = randomInput([1, 1, size, size], 0);
    const forward = await timeIt(async () => {
      const y = net.forward(x);
      await y.data();
      y.dispose();
    });
    const trace = await timeIt(async () => {
      const t = traceForward(net, x);
      await t.logits.data();
      t.dispose();
    });
    process.stdout.write(
      `node  ${backend.padEnd(6)} ${String(size).padStart(3)}×${size}: forward ${forward.toFixed(1)} ms, trace ${trace.toFixed(1)} ms (median of ${RUNS})\n`,
    );
    x.dispose();
  }
  net.dispose();
  tf.disposeVariables();
}

async function benchBrowser(): Promise<void> {
  const { chromium } = await import('@playwright/test');
  const port = 4199;
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 2500));
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--enable-unsafe-webgpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu']) {
      for (const size of [64, 224]) {
        const page = await browser.newPage();
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
          await page.goto(`http://localhost:${port}/?backend=${backend}&size=${size}&input=rand:0`);
          const line = page.getByText(/Traced \d+ operations in \d+ ms on/);
          await line.waitFor({ timeout: 180_000 });
          const m = /in (\d+) ms on (.+)\./.exec((await line.textContent()) ?? '');
          if (m) times.push(Number(m[1]));
        }
        const badge = await page.getByRole('status', { name: 'Runs on' }).getAttribute('data-backend');
        process.stdout.write(
          `page  ${backend.padEnd(6)} ${String(size).padStart(3)}×${size}: trace ${times.join(', ')} ms (first includes shader compilation; ran on ${badge})\n`,
        );
        await page.close();
      }
    }
    // drawing one step: the largest feature-map grid (b1.conv at 224: 64 × 112 × 112) and the diagram
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`http://localhost:${port}/?backend=wasm&size=224&input=rand:0&step=b1.conv`);
    await page.getByText(/Traced \d+ operations/).waitFor({ timeout: 180_000 });
    const scale = page.getByLabel('Colour scale');
    for (let i = 0; i < 6; i++) await scale.selectOption(i % 2 ? 'channel' : 'layer');
    for (let i = 0; i < 8; i++) await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    const measures = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .map((e) => ({ name: e.name, ms: e.duration, detail: String((e as PerformanceMeasure).detail ?? '') })),
    );
    const grid = measures.filter((m) => m.name === 'stepper:grid' && m.detail === '1x64x112x112').map((m) => m.ms);
    const step = measures.filter((m) => m.name === 'stepper:diagram').map((m) => m.ms);
    process.stdout.write(
      `page  grid 64×112×112: median ${median(grid).toFixed(1)} ms of ${grid.length} draws; one step's re-render: median ${median(step).toFixed(1)} ms of ${step.length}\n`,
    );
    await browser.close();
  } finally {
    server.kill();
  }
}

async function main(): Promise<void> {
  routeConsoleToStderr();
  const sizes = [64, 224];
  await benchNode('wasm', sizes);
  if (process.argv.includes('--cpu')) await benchNode('cpu', [64]);
  if (process.argv.includes('--browser')) await benchBrowser();
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
