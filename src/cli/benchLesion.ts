/**
 * The bench's lesion-study rows (`--parts lesion`): the shipped ResNet-18 intact and with each
 * of its 8 blocks removed, on the 1,000 held-out images the page ships — in Node on WASM
 * (src/model/lesion.ts directly) and in the built app on its default URL (the page's own
 * backend), timed by the page ("… in N s"). Seconds, with the machine's load.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { decodeLesionData, LESION_DATA_FILE, LESION_IMAGES } from '../explain/lesion/data';
import { lesionStudy } from '../model/lesion';
import { withChromium } from './benchBrowser';
import { loadNetwork, REPO_ROOT, startBackend } from './nodeSetup';
import { DEFAULT_INPUT_SIZE } from '../model/inputSizes';

export interface LesionMeasurement {
  readonly what: 'lesion-study';
  readonly where: 'node' | 'chromium';
  readonly backend: string;
  readonly images: number;
  readonly seconds: number;
  /** The intact network's accuracy and the lowest with one block removed, as a check on the run. */
  readonly note: string;
  readonly loadAverage: number;
}

type Emit = (m: LesionMeasurement) => void;
type Notice = (s: string) => void;
const load = () => Math.round(loadavg()[0]! * 100) / 100;

async function nodeRow(emit: Emit, notice: Notice): Promise<void> {
  try {
    const backend = await startBackend('wasm');
    const { net } = await loadNetwork();
    const data = decodeLesionData(new Uint8Array(readFileSync(join(REPO_ROOT, 'public', LESION_DATA_FILE))));
    const size = net.source.kind === 'trained' ? net.source.metadata.inputSize : DEFAULT_INPUT_SIZE;
    const t0 = performance.now();
    const result = await lesionStudy(net, data, size);
    const seconds = (performance.now() - t0) / 1000;
    const acc = result.rows.map((r) => (100 * r.correct) / result.images);
    emit({
      what: 'lesion-study',
      where: 'node',
      backend: backend.name,
      images: result.images,
      seconds,
      note: `intact ${acc[0]?.toFixed(1)} %, lowest ${Math.min(...acc.slice(1)).toFixed(1)} %`,
      loadAverage: load(),
    });
    net.dispose();
  } catch (e) {
    notice(`lesion-study (node): skipped (${e instanceof Error ? e.message : String(e)})`);
  }
}

async function chromiumRow(emit: Emit, notice: Notice): Promise<void> {
  await withChromium(async (s) => {
    const app = await s.app();
    if (!app) return notice('lesion-study (chromium): skipped, no built app (run npm run build first)');
    const page = await s.browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await page.goto(app.url);
      const run = page.getByRole('button', { name: /^Remove each block in turn/ });
      await run.waitFor({ timeout: 180_000 });
      await page.waitForFunction((b) => !(b as HTMLButtonElement).disabled, await run.elementHandle(), {
        timeout: 180_000,
      });
      await run.click();
      const done = page.getByText(/^Measured on \d+ held-out images/);
      await done.waitFor({ timeout: 30 * 60_000 });
      const m = /at \d+×\d+ on (.+) in ([\d.]+) s\.$/.exec((await done.textContent()) ?? '');
      const bars = await page
        .locator('.lesion-chart g[role="listitem"]')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-accuracy'))));
      emit({
        what: 'lesion-study',
        where: 'chromium',
        backend: m?.[1] ?? '?',
        images: LESION_IMAGES,
        seconds: Number(m?.[2] ?? NaN),
        note: `intact ${bars[0]?.toFixed(1)} %, lowest ${Math.min(...bars.slice(1)).toFixed(1)} % (the page's own backend)`,
        loadAverage: load(),
      });
    } catch (e) {
      notice(`lesion-study (chromium): skipped (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      await page.close();
    }
  });
}

/** Both rows, then a table. */
export async function benchLesion(emit: Emit, notice: Notice): Promise<LesionMeasurement[]> {
  const rows: LesionMeasurement[] = [];
  const keep = (m: LesionMeasurement) => (rows.push(m), emit(m));
  await nodeRow(keep, notice);
  await chromiumRow(keep, notice);
  return rows;
}

export function lesionTable(rows: readonly LesionMeasurement[]): string {
  const lines = ['where     backend                 images  seconds  load  note'];
  for (const r of rows)
    lines.push(
      `${r.where.padEnd(10)}${r.backend.padEnd(24)}${String(r.images).padStart(6)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.loadAverage.toFixed(2).padStart(4)}  ${r.note}`,
    );
  return lines.join('\n');
}
