import { describe, expect, it } from 'vitest';
import { createI18n, STRING_MODULES } from './index';

function entries(o: object, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : entries(v as object, `${prefix}${k}.`),
  );
}

/** A number placeholder (formatted or not) followed by a counted noun in the plural: "{{steps}} steps", "{{count, number}} images". */
const COUNTED = /\{\{(\w+)(?:, number[^}]*)?\}\}[ -](?:more |full-batch |held-out )?([a-z]+s)\b/g;
/** Words after a placeholder that are verbs or names, not counted nouns. */
const NOT_NOUNS = new Set(['is', 'has', 'does', 'needs', 'matches', 'shrinks', 'weights', 'vs', 'ms', 's']);
/**
 * Counts that are fixed by the code or the data set and never 1 (the lesson's 21 stops, the
 * 10,000 held-out images, the experiment's step budgets, the race's depths of 8 layers and more,
 * the channels of a network's layers): their one-form could never be shown. Anything a student's
 * input or a run's result can make 1 is a `_one`/`_other` pair, and a test below says so.
 */
const FIXED_COUNTS = new Set([
  'weights.trained:images',
  'resnet18.traced:count',
  'functionClasses.experiment.intro:points',
  'functionClasses.experiment.fitTitle:depth',
  'functionClasses.experiment.lowerCount:total',
  'functionClasses.experiment.grewAt:of',
  'functionClasses.experiment.neverGrew:of',
  'functionClasses.experiment.whyGrew:steps',
  'functionClasses.experiment.whyNeverGrew:steps',
  'functionClasses.experiment.constructionIntro:steps',
  'functionClasses.experiment.lossAfterTraining:steps',
  'functionClasses.experiment.residualZeroSays:steps',
  'functionClasses.experiment.plainZeroSays:steps',
  'functionClasses.experiment.plainIdentitySays:steps',
  'functionClasses.experiment.plainRandomSays:steps',
  'functionClasses.experiment.realDifference:weights',
  'residualBlock.outcome.limit.tooManyElements:elements',
  'stepper.params:n',
  'stepper.explain.convThis:cout',
  'stepper.explain.linear:features',
  'stepper.fm.vector:count',
  'stepper.probs.accuracyOf:images',
  'network.cost.caption:params',
  'network.diagramCost:params',
  'picture.note.tiny:height',
  'picture.note.animated:frames',
  'picture.note.reduced:height',
  'runtime.threads:count',
  'race.network:depth',
  'race.lossAxis:smooth',
  'race.accuracyTitle:images',
  'race.cost.caption:window',
  'race.controls.depth:depth',
  'race.controls.budgetAuto:minutes',
  'start.lesson:count',
  'gradCheck.intro:steps',
  'gradCheck.seconds:steps',
  'gradCheck.name:depth',
  'gradCheck.what.after:steps',
  'depth.caption:images',
  'functionClasses.experiment.intro:steps',
  'stepper.explain.linear:classes',
  'network.diagramCost:bytes',
  // decimals, not counts: "0.4 points", "1.0 points", "50 megapixels"
  'picture.note.reduced:megapixels',
  'depth.versus:points',
  'depth.versusTimed:points',
  'depth.helped:points',
  'depth.worse:points',
  // the lesion study: at least 10 images (whole rounds of the ten classes), 54 blocks in the paper,
  // drops in points (decimals), a block's name followed by a verb; the race's: n ≥ 3 leaves at least
  // 7 removable blocks, depths of 20 layers and more, a threshold of 10 points
  'lesion.expected:images',
  'lesion.done:images',
  'lesion.removedNote:block',
  'lesion.sentence.worst:drop',
  'lesion.sentence.worstChance:drop',
  'lesion.sentence.downsamplingWorse:dDown',
  'lesion.sentence.downsamplingNotWorse:dDown',
  'lesion.sentence.paper:paperBlocks',
  'lesion.sentence.paper:blocks',
  'raceLesion.notOffered:n',
  'raceLesion.caption:images',
  'raceLesion.sentence.pair:depth',
  'raceLesion.sentence.pair:count',
  'raceLesion.sentence.bothHurt:points',
  'raceLesion.sentence.neither:points',
  // the loss landscape: grids of at least 7 × 7 points, the reference's hundreds of steps, depths of 8 layers and more
  'landscape.progress:total',
  'landscape.reference:steps',
  'landscape.findings.shown:depth',
  'landscape.findings.mixed:depth',
  'landscape.findings.notShown:depth',
  'landscape.findings.shallow:depth',
  'landscape.findings.reference:plainSteps',
  'landscape.findings.reference:residualSteps',
  // the lesson's list of ResNet-18's stage widths ("64, 128, 256, 512 channels"), from the architecture
  'lesson.stop.stages.caption:widths',
]);

describe('every count shown uses i18next plurals', () => {
  const strings = STRING_MODULES.flatMap((m) => entries(m.en));
  it('has no English string with a count and a plural noun outside a _one/_other pair, but the fixed ones', () => {
    const fixed = strings
      .filter(([k]) => !/_(one|other)$/.test(k))
      .flatMap(([k, v]) =>
        [...v.matchAll(COUNTED)].filter((m) => !NOT_NOUNS.has(m[2] ?? '')).map((m) => `${k}:${m[1]}`),
      )
      .filter((k) => !FIXED_COUNTS.has(k));
    expect(fixed).toEqual([]);
  });
  it('says "1 channel", "1 dimension" and "1 block" where a student’s input or a run makes it 1, and counts in Chinese', () => {
    const en = createI18n('en');
    const zh = createI18n('zh');
    expect(en.t('residualBlock.path.mapsOf', { name: 'X', count: 1, h: 6, w: 6 })).toMatch(/1 channel of 6×6$/);
    expect(en.t('residualBlock.path.mapsOf', { name: 'X', count: 3, h: 6, w: 6 })).toMatch(/3 channels of 6×6$/);
    expect(en.t('residualBlock.lab.rankNote', { rank: 1, count: 1 })).toMatch(/^X has 1 dimension here/);
    expect(en.t('residualBlock.outcome.cause.convChannels', { expected: 3, got: 1, count: 1 })).toContain(
      'X has 1 channel (dimension 1)',
    );
    expect(en.t('residualBlock.outcome.cause.addChannels', { a: 1, b: 3, count: 1 })).toContain('give Y 1 channel');
    const grew = { deeper: 2, shallow: 1, extra: 1, count: 1, shallowLoss: '0.1', deeperLoss: '0.2' };
    expect(en.t('functionClasses.experiment.containsBetter.residual', grew)).toContain('followed by 1 block with');
    expect(en.t('functionClasses.experiment.containsBetter.plain', { ...grew, extra: 2, count: 2 })).toContain(
      'followed by 2 layers with',
    );
    expect(zh.t('residualBlock.path.mapsOf', { name: 'X', count: 1, h: 6, w: 6 })).toMatch(/1 个 6×6 通道$/);
  });
});
