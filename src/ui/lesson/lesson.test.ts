import { describe, expect, it } from 'vitest';
import { LESSON_CHAPTERS, LESSON_STOPS } from '../../explain/lesson/stops';
import { StepList } from '../../explain/stepper/steps';
import { createI18n } from '../../i18n';
import { resnet18Nodes } from '../../model/architecture';
import { parseUrlState } from '../urlState';
import { stopPatch } from './lessonView';

const steps = new StepList(resnet18Nodes([1, 1, 224, 224]));

describe('the guided lesson', () => {
  it("has 15 to 25 stops, in the seed's order of chapters", () => {
    expect(LESSON_STOPS.length).toBeGreaterThanOrEqual(15);
    expect(LESSON_STOPS.length).toBeLessThanOrEqual(25);
    const order = LESSON_STOPS.map((s) => LESSON_CHAPTERS.indexOf(s.chapter));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(LESSON_STOPS.map((s) => s.id)).size).toBe(LESSON_STOPS.length);
  });

  it.each(LESSON_STOPS.map((s, i) => [i + 1, s] as const))('stop %i is a view a link can hold', (n, stop) => {
    const { state, errors } = parseUrlState(`?${stop.params}`);
    expect(errors).toEqual([]);
    if (state.step) expect(steps.has(state.step), state.step).toBe(true);
    // the stop pins the whole view: every parameter but the reader's own settings
    const patch = stopPatch(stop, n);
    expect(patch.lesson).toBe(n);
    expect(Object.keys(patch)).not.toContain('lang');
    expect(Object.keys(patch)).toContain('step');
  });

  it('says each stop in both languages: a title, a caption and one thing to do', () => {
    for (const lang of ['en', 'zh'] as const) {
      const i18n = createI18n(lang);
      for (const s of LESSON_STOPS) {
        for (const part of ['title', 'caption', 'task']) {
          const key = `lesson.stop.${s.id}.${part}`;
          expect(i18n.exists(key), `${lang} ${key}`).toBe(true);
        }
      }
    }
  });
});
