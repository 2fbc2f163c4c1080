import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { archNodes } from '../../model/architecture';
import { RESNET18 } from '../../model/variants';
import { captionValues, NOTEBOOK_SIDE, stageFigures } from './captionValues';

const nodes = archNodes(RESNET18, [1, 1, NOTEBOOK_SIDE, NOTEBOOK_SIDE]);

describe("the lesson's captions quote the architecture", () => {
  it("reads the notebook's stage channels and sides from ResNet-18's nodes", () => {
    expect(stageFigures(nodes)).toEqual({ widths: [64, 128, 256, 512], sides: [56, 56, 28, 14, 7] });
  });

  it('says them in both languages, and follows a change of a stage’s width or size', () => {
    const en = createI18n('en');
    const zh = createI18n('zh');
    const caption = (i18n: typeof en, n = nodes) =>
      i18n.t('lesson.stop.stages.caption', captionValues(i18n.t('lesson.listSeparator'), n));
    expect(caption(en)).toContain('(64, 128, 256, 512 channels)');
    expect(caption(zh)).toContain('（64、128、256、512 个通道）');
    expect(en.t('lesson.stop.stages.task', captionValues(', '))).toBe(
      'Read the shapes down the diagram: 56, 56, 28, 14, 7.',
    );
    // a copy of the network with b3 twice as wide, and one on a smaller input
    const wider = nodes.map((n) => (n.stage === 'b3' ? { ...n, shape: [1, 256, ...n.shape.slice(2)] } : n));
    expect(caption(en, wider)).toContain('(64, 256, 256, 512 channels)');
    const small = archNodes(RESNET18, [1, 1, 64, 64]);
    expect(captionValues(', ', small).sides).toBe('16, 16, 8, 4, 2');
  });
});
