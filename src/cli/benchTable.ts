/**
 * The bench's summary table: every measurement, with its ratio to PyTorch's forward pass
 * and to ONNX Runtime Web's (same size; ONNX Runtime Web on the same backend).
 */
import type { Measurement, TrainMeasurement } from './benchOptions';

function ratio(ms: number, base: { readonly ms: number } | undefined): string {
  return base ? `${(ms / base.ms).toFixed(2)}×` : '—';
}

function markdown(lines: string[][]): string {
  const header = lines[0]!;
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] as string).length)));
  const row = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [row(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...lines.slice(1).map(row)].join('\n');
}

/**
 * The training rows: each train-step with its ratio to PyTorch's step of the same network on the
 * same number of threads (tfjs in Node runs one; Chromium's WebAssembly every core), and the
 * race's verdict in seconds.
 */
export function trainTable(rows: readonly TrainMeasurement[]): string {
  const lines = [['net', 'runtime', 'where', 'backend', 'threads', 'what', 'ms (median)', 'runs', 'load', '÷ PyTorch']];
  for (const r of rows) {
    const torch = rows.find(
      (p) => p.runtime === 'pytorch' && p.what === 'train-step' && p.net === r.net && p.threads === r.threads,
    );
    const verdict = r.what === 'race-verdict';
    lines.push([
      r.net,
      r.runtime,
      r.where,
      r.backend,
      r.threads ? String(r.threads) : '—',
      r.note ? `${r.what} (${r.note})` : r.what,
      verdict ? `${(r.ms / 1000).toFixed(1)} s` : r.ms.toFixed(1),
      String(r.runs),
      r.loadAverage.toFixed(2),
      !verdict && r.runtime !== 'pytorch' ? ratio(r.ms, torch) : '—',
    ]);
  }
  return markdown(lines);
}

export function benchTable(rows: readonly Measurement[]): string {
  const header = [
    'size',
    'runtime',
    'where',
    'backend',
    'threads',
    'what',
    'ms (median)',
    'runs',
    '÷ PyTorch',
    '÷ ORT Web',
  ];
  const lines = [header];
  const sizes = [...new Set(rows.map((r) => r.size))].sort((a, b) => a - b);
  for (const size of sizes) {
    const torch = rows.find((r) => r.runtime === 'pytorch' && r.size === size && r.what === 'forward');
    for (const r of rows.filter((m) => m.size === size)) {
      const ort = rows.find((m) => m.runtime === 'onnxruntime-web' && m.size === size && m.backend === r.backend);
      const comparable = r.what !== 'cold-start' && r.what !== 'step-draw';
      lines.push([
        `${size}×${size}`,
        r.runtime,
        r.where,
        r.backend,
        String(r.threads),
        r.choice === 'measured' ? `${r.what} (default page, race included)` : r.what,
        r.ms.toFixed(1),
        String(r.runs),
        comparable ? ratio(r.ms, torch) : '—',
        comparable ? ratio(r.ms, ort) : '—',
      ]);
    }
  }
  return markdown(lines);
}
