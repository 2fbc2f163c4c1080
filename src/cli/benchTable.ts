/**
 * The bench's summary table: every measurement, with its ratio to PyTorch's forward pass
 * and to ONNX Runtime Web's (same size; ONNX Runtime Web on the same backend).
 */
import type { Measurement } from './benchOptions';

function ratio(ms: number, base: Measurement | undefined): string {
  return base ? `${(ms / base.ms).toFixed(2)}×` : '—';
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
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] as string).length)));
  const row = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [row(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...lines.slice(1).map(row)].join('\n');
}
