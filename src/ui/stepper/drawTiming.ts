/**
 * The stepper's draw times as User Timing measures (`stepper:grid`, `stepper:diagram`), which
 * `npm run bench` reads. The browser keeps every measure until it is cleared, so a tab open all
 * lesson would collect two per step without end: at most `KEPT` of each name are kept, the
 * newest always among them.
 */
export const KEPT = 50;

export function recordDraw(name: string, start: number, detail?: string): void {
  if (performance.getEntriesByName(name, 'measure').length >= KEPT) performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now(), detail });
}
