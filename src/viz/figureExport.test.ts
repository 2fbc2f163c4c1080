import { describe, expect, it } from 'vitest';
import { layoutGrid } from './featureMapGrid';
import { captionLines, figureFileName, scaleLayout, svgDocument, type SvgNode } from './figureExport';

const words = { shape: 'shape', step: 'step' };

describe('captionLines', () => {
  it('puts the title first, then the shape and the step', () => {
    expect(captionLines({ title: 'Feature maps of b3.0.add', shape: [1, 128, 8, 8], step: 'b3.0.add' }, words)).toEqual(
      ['Feature maps of b3.0.add', 'shape (1, 128, 8, 8) · step b3.0.add'],
    );
  });
  it('leaves out what does not apply', () => {
    expect(captionLines({ title: 'Loss by depth' }, words)).toEqual(['Loss by depth']);
    expect(captionLines({ title: 'Nested', step: 'F3' }, words)).toEqual(['Nested', 'step F3']);
  });
});

describe('figureFileName', () => {
  it('keeps letters of any script, digits and dots', () => {
    expect(figureFileName({ title: 'Feature maps of b3.0.add', step: 'b3.0.add' }, 'png')).toBe(
      'feature-maps-of-b3.0.add-b3.0.add.png',
    );
    expect(figureFileName({ title: 'b1 的特征图' }, 'svg')).toBe('b1-的特征图.svg');
    expect(figureFileName({ title: '“ ”' }, 'svg')).toBe('figure.svg');
  });
});

describe('scaleLayout', () => {
  it('keeps columns and rows and fills at most the new width with larger cells', () => {
    const screen = layoutGrid([1, 64, 16, 16], 560);
    const big = scaleLayout(screen, screen.width * 2);
    expect([big.cols, big.rows]).toEqual([screen.cols, screen.rows]);
    expect(big.width).toBeLessThanOrEqual(screen.width * 2);
    expect(big.width).toBeGreaterThan(screen.width * 2 - big.cols);
    expect(big.cell).toBeGreaterThanOrEqual(screen.cell * 2 - 2);
  });
});

describe('svgDocument', () => {
  const figure: SvgNode = {
    tag: 'svg',
    attrs: { viewBox: '0 0 100 50', role: 'group', class: 'diagram', 'aria-label': 'x' },
    children: [
      { tag: 'rect', attrs: { width: '10', height: '10', style: 'fill:rgb(1, 2, 3)', onclick: 'x()' }, children: [] },
      { tag: 'text', attrs: { x: '5' }, children: [], text: 'a < b & "c"' },
    ],
  };
  const file = svgDocument(figure, ['ResNet-18 <diagram>', 'shape (1, 512, 2, 2) · step b5'], 200, 100);
  it('carries the title as <title> and as text, escaped', () => {
    expect(file).toContain('<title>ResNet-18 &lt;diagram&gt; — shape (1, 512, 2, 2) · step b5</title>');
    expect(file).toContain('>shape (1, 512, 2, 2) · step b5</text>');
    expect(file).toContain('a &lt; b &amp; &quot;c&quot;');
  });
  it('keeps styles and drops what belongs to the page', () => {
    expect(file).toContain('style="fill:rgb(1, 2, 3)"');
    expect(file).not.toMatch(/onclick|role=|class=|aria-label/);
  });
  it('places the figure below the caption at its size on screen', () => {
    expect(file).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="200" height="148"/);
    expect(file).toContain('<svg viewBox="0 0 100 50" x="0" y="48" width="200" height="100">');
  });
});
