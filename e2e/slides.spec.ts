/**
 * Figures for slides: the architecture diagram downloads "for slides" with text of at least
 * 18 pt on a 16:9 slide, nothing of either SVG is clipped at the view box, and every exported
 * feature-map grid carries its colour bar.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 300_000 });

/**
 * The rows of a colour bar: a row that changes smoothly (no cell edges, no white gaps) from one
 * end of the colour map to the other; the grid's rows have cells and gaps. The bar starts a little
 * after the left margin (inset by half its end label).
 */
function colourBarRows(png: PNG): number[] {
  const px = (x: number, y: number) => {
    const i = (y * png.width + x) * 4;
    return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
  };
  const x0 = Math.round(png.width * 0.06) + 8;
  const x1 = Math.min(png.width - 1, x0 + Math.round(png.width * 0.15));
  const smooth = (y: number) => {
    let worst = 0;
    for (let x = x0; x < x1; x++) {
      const [a, b] = [px(x, y), px(x + 1, y)];
      worst = Math.max(worst, ...a.map((v, i) => Math.abs(v - (b[i] ?? 0))));
    }
    const span = px(x0, y).reduce((s, v, i) => s + Math.abs(v - (px(x1, y)[i] ?? 0)), 0);
    return worst <= 12 && span > 60;
  };
  return Array.from({ length: png.height }, (_, y) => y).filter(smooth);
}

async function download(page: Page, name: RegExp): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return readFile(await file.path(), 'utf8');
}

/**
 * The SVG drawn in a blank page (the app's CSP forbids its style attributes): for the figure's
 * own <svg> (the innermost with a viewBox), its view box, the smallest text, and every rectangle
 * whose border reaches outside the view box.
 */
async function measure(page: Page, svgText: string) {
  const blank = await page.context().newPage();
  const result = await blank.evaluate((text) => {
    document.body.innerHTML = text.replace(/^<\?xml[^>]*>\s*/, '');
    const outer = document.querySelector('svg') as SVGSVGElement;
    const figures = Array.from(document.querySelectorAll('svg svg'));
    const figure = (figures[figures.length - 1] ?? outer) as SVGSVGElement;
    const vb = figure.viewBox.baseVal;
    const outerVb = outer.viewBox.baseVal;
    const fonts = Array.from(outer.querySelectorAll('text'), (t) => parseFloat(getComputedStyle(t).fontSize));
    const outside = Array.from(figure.querySelectorAll('rect'))
      .filter((r) => r.getAttribute('width') !== '100%')
      .flatMap((r) => {
        const b = r.getBBox();
        const m = r.getCTM();
        const f = figure.getCTM();
        if (!m || !f) return [];
        // the rectangle in the figure's own units: its transform relative to the figure's viewport
        const k = m.a / f.a;
        const x = (m.e - f.e) / f.a + b.x * k;
        const y = (m.f - f.f) / f.a + b.y * k;
        const half = (parseFloat(getComputedStyle(r).strokeWidth) || 0) / 2;
        const inside =
          x - half >= vb.x - 0.01 &&
          y - half >= vb.y - 0.01 &&
          x + b.width * k + half <= vb.x + vb.width + 0.01 &&
          y + b.height * k + half <= vb.y + vb.height + 0.01;
        return inside ? [] : [`${r.parentElement?.textContent ?? ''} at ${x.toFixed(1)},${y.toFixed(1)}`];
      });
    return { width: outerVb.width, smallest: Math.min(...fonts), texts: fonts.length, outside };
  }, svgText);
  await blank.close();
  return result;
}

/**
 * A figure "for slides" (src/viz/slidesFigure.ts) drawn in a blank page: its smallest text in
 * points on a 16:9 slide it fills (font × 960 / the file's view-box width, rotated text included),
 * and every label and box that reaches outside the file or, within the nested figure, outside it.
 */
async function measureSlides(page: Page, svgText: string) {
  const blank = await page.context().newPage();
  const result = await blank.evaluate((text) => {
    document.body.style.margin = '0';
    document.body.innerHTML = text.replace(/^<\?xml[^>]*>\s*/, '');
    const outer = document.querySelector('svg') as SVGSVGElement;
    const figure = outer.querySelector('svg');
    const units = outer.viewBox.baseVal.width / outer.getBoundingClientRect().width;
    const hidden = (e: Element) => !!e.closest('defs, clipPath, marker, mask, title');
    const texts = Array.from(outer.querySelectorAll('text')).filter((t) => !hidden(t) && (t.textContent ?? '').trim());
    const points = texts.map((t) => {
      const m = t.getScreenCTM();
      const scale = m ? Math.hypot(m.a, m.b) : 1;
      return (parseFloat(getComputedStyle(t).fontSize) * scale * units * 960) / outer.viewBox.baseVal.width;
    });
    const inside = (r: DOMRect, box: DOMRect) =>
      r.left >= box.left - 0.5 && r.top >= box.top - 0.5 && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5;
    const outerBox = outer.getBoundingClientRect();
    const figureBox = figure?.getBoundingClientRect();
    const marks = [...texts, ...Array.from(outer.querySelectorAll('rect, circle, line, path'))].filter(
      (e) => !hidden(e) && e.getAttribute('width') !== '100%',
    );
    const outside = marks.flatMap((e) => {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return [];
      const box = figure?.contains(e) ? figureBox! : outerBox;
      return inside(r, box)
        ? []
        : [
            `${e.tagName} “${(e.textContent ?? '').slice(0, 40)}” at ${r.left.toFixed(0)},${r.top.toFixed(0)}–${r.right.toFixed(0)},${r.bottom.toFixed(0)}`,
          ];
    });
    return { texts: texts.length, smallest: Math.min(...points), outside };
  }, svgText);
  await blank.close();
  return result;
}

/** Downloads every "SVG for slides" that `scope` offers, and checks each. */
async function checkEverySlideSvg(
  page: Page,
  scope: import('@playwright/test').Locator,
  format: RegExp,
  least: number,
) {
  const buttons = scope.getByRole('button', { name: format });
  await expect(buttons.first()).toBeVisible({ timeout: 60_000 });
  const count = await buttons.count();
  expect(count).toBeGreaterThanOrEqual(least);
  for (let i = 0; i < count; i++) {
    const name = (await buttons.nth(i).getAttribute('aria-label')) ?? '';
    const [file] = await Promise.all([page.waitForEvent('download'), buttons.nth(i).click()]);
    const m = await measureSlides(page, await readFile(await file.path(), 'utf8'));
    expect.soft(m.texts, name).toBeGreaterThan(2);
    expect.soft(m.smallest, `${name}: its smallest text in points`).toBeGreaterThanOrEqual(18);
    expect.soft(m.outside, name).toEqual([]);
  }
}

/** The PNG for slides of a feature-map grid: a slide's width, with its colour bar. */
async function checkSlidesPng(page: Page, button: import('@playwright/test').Locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(file.suggestedFilename()).toMatch(/-slides\.png$/);
  const png = PNG.sync.read(await readFile(await file.path()));
  expect(png.width).toBe(1920);
  expect(colourBarRows(png).length).toBeGreaterThan(4);
}

for (const lang of ['en', 'zh'] as const) {
  const slideWords =
    lang === 'zh'
      ? { svg: /下载为 幻灯片用 SVG/, png: /下载为 幻灯片用 PNG/ }
      : { svg: /as SVG for slides/, png: /as PNG for slides/ };
  test(`every figure of the function classes and of the lab has a version for slides: 18 pt, nothing outside (${lang})`, async ({
    page,
  }) => {
    await page.goto(`/?backend=wasm&fstep=4&lang=${lang}#/function-classes`);
    // the two panels, the distance chart, the experiment's two charts
    await checkEverySlideSvg(page, page.locator('main'), slideWords.svg, 5);
    await page.goto(`/?backend=wasm&lang=${lang}&blk=3_6_1_2__4_3_6_6&bstep=conv1#/residual-block`);
    const path = page.locator('.lab-path');
    await checkEverySlideSvg(page, path, slideWords.svg, 1);
    await checkSlidesPng(page, path.getByRole('button', { name: slideWords.png }).first());
  });
}

test('the charts of the lesion study, the race and the loss surface have a version for slides (a tiny race, 10 images)', async ({
  page,
}) => {
  // the lesion chart's bar labels (11.7 px in 640) need a larger text scale: the figure is drawn again
  await page.goto('/?backend=wasm&lesionn=10&input=rand:0');
  const run = page.getByRole('button', { name: /Remove each block in turn \(10/ });
  await expect(run).toBeEnabled({ timeout: 180_000 });
  await run.click();
  await expect(page.locator('.lesion-chart svg')).toBeVisible({ timeout: 180_000 });
  await checkEverySlideSvg(page, page.locator('.lesion-chart'), /as SVG for slides/, 1);
  await page.goto('/?backend=wasm&rbudget=quick&rdepths=8&rwidth=2&rsteps=4&lgrid=7#/race');
  await page.getByRole('button', { name: 'Start the race' }).click();
  await expect(page.getByText(/^Finished 4 steps on WebAssembly/)).toBeVisible({ timeout: 240_000 });
  await checkEverySlideSvg(page, page.locator('.race-charts'), /as SVG for slides/, 2);
  await page.getByRole('button', { name: 'Compute the loss surface' }).click();
  await expect(page.locator('.landscape-figure svg')).toBeVisible({ timeout: 240_000 });
  await checkEverySlideSvg(page, page.locator('.landscape-figure'), /as SVG for slides/, 1);
});

for (const lang of ['en', 'zh'] as const) {
  const words =
    lang === 'zh'
      ? {
          traced: /追踪了 66 个运算/,
          slides: /将“ResNet-18：各层.*”下载为 幻灯片用 SVG/,
          svg: /将“ResNet-18：各层.*”下载为 SVG$/,
          gridSlides: /将“.*特征图.*”下载为 幻灯片用 PNG/,
        }
      : {
          traced: /Traced 66 operations/,
          slides: /Download “ResNet-18: its layers.*” as SVG for slides/,
          svg: /Download “ResNet-18: its layers.*” as SVG$/,
          gridSlides: /Download “Feature maps.*” as PNG for slides/,
        };
  test(`the diagram for slides has text of at least 18 pt, and no box is clipped (${lang})`, async ({ page }) => {
    await page.goto(`/?backend=wasm&input=rand:0&step=b3.0.conv1&lang=${lang}`);
    await expect(page.getByText(words.traced)).toBeVisible({ timeout: 120_000 });
    // the figure as on screen: every box, border included, inside its view box
    const screen = await measure(page, await download(page, words.svg));
    expect.soft(screen.outside).toEqual([]);
    await expect(page.getByRole('button', { name: words.slides })).toBeVisible({ timeout: 5_000 });
    const slides = await measure(page, await download(page, words.slides));
    expect(slides.texts).toBeGreaterThan(10);
    // placed full width on a 16:9 slide (960 pt wide), a font of s units is s × 960 / (view box width) pt
    expect((slides.smallest / slides.width) * 960).toBeGreaterThanOrEqual(18);
    expect(slides.outside).toEqual([]);
    // the feature maps of the step, as PNG for slides
    await checkSlidesPng(page, page.getByRole('button', { name: words.gridSlides }).first());
  });
}

test('every exported feature-map grid carries its colour bar', async ({ page }) => {
  await page.goto('/?backend=wasm&input=rand:0&step=b1.conv');
  await expect(page.getByText(/Traced 66 operations/)).toBeVisible({ timeout: 120_000 });
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Download “Feature maps of Conv2d” as PNG$/ }).click(),
  ]);
  const png = PNG.sync.read(await readFile(await file.path()));
  const rows = colourBarRows(png);
  expect(rows.length).toBeGreaterThan(4);
  const px = (x: number, y: number) => {
    const i = (y * png.width + x) * 4;
    return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
  };
  // its numbers are under it: dark text pixels below the bar
  const below = Math.max(...rows) + 2;
  let dark = 0;
  for (let y = below; y < png.height; y++)
    for (let x = 0; x < png.width; x++) if (px(x, y).every((v) => v < 90)) dark++;
  expect(dark).toBeGreaterThan(20);
});
