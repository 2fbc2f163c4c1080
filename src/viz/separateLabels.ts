/**
 * Keep two end-of-line labels of a chart apart: when their y positions are closer than
 * `minGap`, push them symmetrically around their midpoint, keeping their order.
 */
export function separateLabels(labels: readonly SVGTextElement[], minGap = 18): void {
  if (labels.length !== 2) return;
  const [a, b] = labels.map((t) => Number(t.getAttribute('y'))) as [number, number];
  if (Math.abs(a - b) >= minGap) return;
  const mid = (a + b) / 2;
  const [upper, lower] = a <= b ? [labels[0], labels[1]] : [labels[1], labels[0]];
  upper?.setAttribute('y', String(mid - minGap / 2));
  lower?.setAttribute('y', String(mid + minGap / 2));
}
