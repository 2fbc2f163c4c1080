import { describe, expect, it } from 'vitest';
import { archNodes, archSpec, networkCost, type ShippedModel } from '../../model';
import { createI18n } from '../../i18n';
import { depthRows, depthSentences, points } from './depth';

const model = (arch: ShippedModel['arch'], testAccuracy: number, inputSize = 32, epochs = 8): ShippedModel => ({
  arch,
  folder: arch,
  inputSize,
  testAccuracy,
  testImages: 10000,
  weightBytes: 1,
  epochs,
});

/** The sentences as the page writes them, in a language. */
const text = (lang: 'en' | 'zh', models: ShippedModel[], ms = {}) => {
  const { t } = createI18n(lang);
  return depthSentences(depthRows(models), ms)
    .map((s) => t(`depth.${s.key}`, s.params))
    .join(' ');
};

describe('does depth help here?', () => {
  it('gives each trained network its parameters and multiply-adds at the size it was trained at', () => {
    const rows = depthRows([model('resnet18', 0.93, 64), model('resnet50', 0.925, 32)]);
    const cost = networkCost(archNodes(archSpec('resnet50'), [1, 1, 32, 32])).total;
    expect(rows[1]).toMatchObject({ params: cost.params, multiplyAdds: cost.multiplyAdds, paperError: 22.85 });
    expect(rows[0]?.paperError).toBeUndefined();
  });

  it('writes signed points with a real minus, from the accuracies as shown', () => {
    // 92.0 % against 93.2 % on the page: −1.2 points (the raw difference, 1.10, would say −1.1)
    expect([points(0.9345, 0.9315), points(0.9205, 0.9315), points(0.93, 0.93)]).toEqual(['+0.3', '−1.2', '0.0']);
  });

  it('says depth bought little when the best deeper network is within a point, in English and Chinese', () => {
    const models = [model('resnet18', 0.9315), model('resnet34', 0.9336), model('resnet50', 0.9288)];
    const en = text('en', models);
    expect(en).toContain(
      'ResNet-34 has 2.1× the multiply-adds and 1.9× the parameters of ResNet-18; its held-out accuracy is 93.4 % against 93.2 % (+0.2 points).',
    );
    expect(en).toContain(
      'So depth bought little on Fashion-MNIST: the best deeper network, ResNet-34, is within one point',
    );
    expect(en).toContain('3 trained networks');
    expect(en).toContain(
      'plain-34 28.54 %, ResNet-34 24.52 %, ResNet-50 22.85 %, ResNet-101 21.75 %, ResNet-152 21.43 %',
    );
    expect(en).not.toContain('differed');
    const zh = text('zh', models);
    expect(zh).toContain('所以在 Fashion-MNIST 上，更深几乎没有带来什么：最好的更深网络 ResNet-34');
    expect(zh).toContain('留出集准确率 93.4 %，对比 93.2 %（+0.2 个百分点）');
  });

  it('says depth helped from one point up, and did not pay a point below, with the cost', () => {
    expect(text('en', [model('resnet18', 0.9), model('resnet34', 0.92)])).toContain(
      'So depth helped here: ResNet-34 is 2.0 points above ResNet-18, for 2.1× the multiply-adds.',
    );
    expect(text('zh', [model('resnet18', 0.93), model('resnet50', 0.91)])).toContain(
      '没有一个更深的网络达到 ResNet-18 的准确率；最好的 ResNet-50 比它低 2.0 个百分点',
    );
  });

  it('says first that the runs differed when sizes or epochs differ, and adds the measured time', () => {
    const en = text('en', [model('resnet18', 0.9315, 64, 6), model('resnet34', 0.925, 32, 8)], {
      resnet18: 10,
      resnet34: 15,
    });
    expect(en.startsWith('The networks were trained at different input sizes')).toBe(true);
    expect(en).toContain('ResNet-18 64×64, 6; ResNet-34 32×32, 8');
    expect(en).toContain('takes 1.5× as long per image here');
  });

  it('judges depth only by networks with more layers: the pre-activation ResNet-18 is compared, never the best deeper one', () => {
    const models = [model('resnet18', 0.9315, 64, 6), model('resnet34', 0.9229), model('resnet18-preact', 0.9255)];
    const en = text('en', models);
    expect(en).toContain('ResNet-18 (pre-activation) has');
    expect(en).toContain('the best deeper network, ResNet-34, is within one point of ResNet-18 (0.9 points apart');
    const same = text('en', [model('resnet18', 0.9315), model('resnet18-preact', 0.926)]);
    expect(same).toContain('its held-out accuracy is 92.6 % against 93.2 % (−0.6 points)');
    expect(same).not.toMatch(/So depth|deeper network/);
  });

  it('has nothing to compare with one trained network', () => {
    expect(text('en', [model('resnet18', 0.9315)])).toContain('Only ResNet-18 is trained so far (93.2 % held-out)');
  });
});
