import { describe, expect, it } from 'vitest';
import { colorRangeFor } from './colormap';
import { CAPTION_LINE, scaleLayout } from './figureExport';
import { colourBarLayout } from './figureColourBar';
import { layoutGrid } from './featureMapGrid';
import { estimatedWidth } from './slideChecks';
import { SLIDE_MIN_PT } from './slidesDiagram';
import { pngPoints, SLIDES_PNG, slidesGridPlan } from './slidesGrid';

const caption = ['Feature maps of Conv2d', 'shape (1, 64, 112, 112) · step b1.conv'];
const zhCaption = [
  'Conv2d 的特征图：64 个 112×112 通道，逐层配色，第 0 个样本，'.repeat(2),
  '形状 (1, 64, 112, 112) · 步骤 b1.conv',
];
const note = 'Per channel: each tile has its own range and colour map; this bar is channel 0’s.';

describe('the feature-map grid for slides', () => {
  for (const [name, shape, lines, range] of [
    ['64 channels, a narrow range', [1, 64, 112, 112], caption, colorRangeFor(-0.0512, 0.0734)],
    ['one channel, in Chinese', [1, 1, 224, 224], zhCaption, colorRangeFor(-1234.5, 987.25)],
    ['512 small channels', [1, 512, 7, 7], caption, colorRangeFor(0, 3.75)],
    // ticks at both ends of the bar, with the widest labels ("−100"), centred on its ends
    ['a range labelled at its ends', [1, 8, 56, 56], caption, colorRangeFor(-100, 100)],
  ] as const) {
    it(`is a slide's width with text of at least 18 pt, nothing outside the image (${name})`, () => {
      const onScreen = layoutGrid(shape, 600);
      for (const withNote of [false, true]) {
        const plan = slidesGridPlan(onScreen, lines, range, withNote ? note : undefined);
        expect(plan.width).toBe(SLIDES_PNG.width);
        expect(pngPoints(plan.smallestFont, plan.width)).toBeGreaterThanOrEqual(SLIDE_MIN_PT);
        // the caption, wrapped, inside the image at its drawn sizes (figureDraw.ts: 15 and 13 px × ratio)
        plan.lines.forEach((line, i) => {
          const font = (i === 0 ? 15 : 13) * plan.ratio;
          expect(8 * plan.ratio + estimatedWidth(line, font)).toBeLessThanOrEqual(plan.width);
        });
        // the grid inside the image; as tall as the slide leaves room for, where the grid is not too narrow
        const grid = scaleLayout(onScreen, plan.gridWidth);
        expect(grid.width).toBeLessThanOrEqual(plan.width);
        const top = (plan.lines.length * CAPTION_LINE + 8) * plan.ratio;
        const bar = colourBarLayout(range, plan.width, top + grid.height, plan.ratio, withNote, plan.note.length);
        if (plan.gridWidth > plan.width / 3)
          expect(top + grid.height + bar.height).toBeLessThanOrEqual(SLIDES_PNG.height);
        // the colour bar's numbers and note inside the image, at least 18 pt
        expect(pngPoints(bar.font, plan.width)).toBeGreaterThanOrEqual(SLIDE_MIN_PT);
        for (const tk of bar.ticks) {
          const w = estimatedWidth(tk.label, bar.font);
          expect(tk.x - w / 2).toBeGreaterThanOrEqual(0);
          expect(tk.x + w / 2).toBeLessThanOrEqual(plan.width);
        }
        expect(plan.note.join(' ')).toBe(withNote ? note : '');
        for (const line of plan.note) expect(bar.x + estimatedWidth(line, bar.font)).toBeLessThanOrEqual(plan.width);
      }
    });
  }
});
