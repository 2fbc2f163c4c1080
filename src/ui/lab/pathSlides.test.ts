import { describe, expect, it } from 'vitest';
import { slideDocumentChecks } from '../../viz/slideChecks';
import { SLIDE_MIN_PT, slidePoints, slidesDiagramSvg } from '../../viz/slidesDiagram';
import { pathSlidesInput } from './pathSlides';

const s = [4, 6, 3, 3];
const words = { params: () => '', skip: 'skip connection', noShape: () => 'fails here' };

describe('the lab’s data path for slides', () => {
  for (const [name, use1x1, steps] of [
    [
      'Residual(3, 6, use_1x1conv=True, strides=2), every step',
      true,
      ['input', 'conv1', 'bn1', 'relu', 'conv2', 'bn2', 'conv3', 'add', 'relu2', 'output'].map((id) => ({
        id,
        shape: id === 'input' ? [4, 3, 6, 6] : s,
      })),
    ],
    [
      'Residual(3, 6): Y += X fails',
      false,
      [
        ...['input', 'conv1', 'bn1', 'relu', 'conv2', 'bn2'].map((id) => ({
          id,
          shape: id === 'input' ? [4, 3, 6, 6] : s,
        })),
        { id: 'add' },
        { id: 'relu2' },
        { id: 'output' },
      ],
    ],
  ] as const) {
    it(`has every step with its shape, its shortcut joining the addition, 18 pt, nothing outside (${name})`, () => {
      const input = pathSlidesInput(steps, use1x1, 'conv1');
      const nodes = input.detail?.nodes ?? [];
      expect(nodes.filter((n) => n.shortcut).map((n) => n.label)).toEqual([use1x1 ? 'conv3' : 'X']);
      const svg = slidesDiagramSvg(input, ['The data path, step by step', 'step conv1'], words);
      const c = slideDocumentChecks(svg);
      expect(slidePoints(c.smallestFont, c.viewBox.width)).toBeGreaterThanOrEqual(SLIDE_MIN_PT);
      expect(c.outside).toEqual([]);
      expect(c.labelsOutside).toEqual([]);
      expect(c.boxes).toBe(use1x1 ? 10 : 10);
      expect(svg).toContain('(4, 6, 3, 3)');
      expect(svg.includes('fails here')).toBe(!use1x1);
      // the dashed shortcut arrow into the addition
      expect(svg).toMatch(/stroke="#c2410c"[^>]*stroke-dasharray/);
    });
  }
});
