import { describe, expect, it } from 'vitest';
import type { SvgNode } from './figureExport';
import { slideDocumentChecks } from './slideChecks';
import { SLIDE_MIN_PT, slidePoints } from './slidesDiagram';
import { figureSlidePoints, nextSlidesScale, slidesFigureDocument, smallestFont } from './slidesFigure';

const text = (t: string, size: number, extra: Record<string, string> = {}): SvgNode => ({
  tag: 'text',
  attrs: { x: '10', y: '20', style: `fill:#222;font-size:${size}px`, ...extra },
  children: [],
  text: t,
});

/** A chart as the page's d3 drawings make one: a fixed view box, text of `13 × k` units (the axes'). */
function chart(k: number, width = 560): SvgNode {
  return {
    tag: 'svg',
    attrs: { viewBox: `0 0 ${width} ${300 * k}`, class: 'chart', style: 'width:100%;font-size:16px' },
    children: [
      { tag: 'g', attrs: { transform: 'translate(64,0)' }, children: [text('0.5', 13 * k), text('1.0', 14 * k)] },
      text('training loss', 15 * k, { 'font-size': '99' }),
      text('   ', 2),
    ],
  };
}

const caption = ['Training loss (smoothed over 20 steps)', 'step 300'];

describe('figures for slides', () => {
  it('reads the smallest text from the inlined styles, ignoring empty texts', () => {
    expect(smallestFont(chart(1))).toBe(13);
    expect(figureSlidePoints(chart(1, 1200))).toBeCloseTo((13 * 960) / 1200);
  });
  it('finds the text scale that reaches 18 pt, also for a drawing that widens with its text', () => {
    // the on-screen race chart: 13 units in 560 is 22 pt already; drawn 1,200 wide it is 10.4 pt
    expect(nextSlidesScale(1, figureSlidePoints(chart(1)))).toBe(1);
    let k = 1;
    const widening = (s: number) => chart(s, 900 + 300 * s);
    for (let i = 0; i < 5 && figureSlidePoints(widening(k)) < SLIDE_MIN_PT; i++)
      k = nextSlidesScale(k, figureSlidePoints(widening(k)));
    expect(figureSlidePoints(widening(k))).toBeGreaterThanOrEqual(SLIDE_MIN_PT);
  });
  for (const [name, lines] of [
    ['in English', caption],
    ['in Chinese, a caption that wraps', ['训练损失（对 20 步平滑）'.repeat(6), '步骤 300']],
  ] as const) {
    it(`writes the figure one unit per unit under a caption of at least 18 pt, nothing outside (${name})`, () => {
      const doc = slidesFigureDocument(chart(1.4, 560), lines);
      const c = slideDocumentChecks(doc);
      expect(c.viewBox.width).toBe(560);
      expect(slidePoints(c.smallestFont, c.viewBox.width)).toBeGreaterThanOrEqual(SLIDE_MIN_PT);
      expect(c.labelsOutside).toEqual([]);
      expect(c.outside).toEqual([]);
      // the figure's stylesheet width is gone: it is sized by its view box, its page class dropped
      const nested = /<svg (style="[^"]*" x="0" y="[\d.]+" width="560" height="420" viewBox="0 0 560 420")/.exec(doc);
      expect(nested?.[1]).toMatch(/^style="font-size:16px"/);
      expect(doc).not.toContain('class=');
    });
  }
});
