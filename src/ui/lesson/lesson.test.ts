import { describe, expect, it } from 'vitest';
import { LESSON_CHAPTERS, LESSON_STOPS } from '../../explain/lesson/stops';
import { StepList } from '../../explain/stepper/steps';
import { createI18n } from '../../i18n';
import { archNodes } from '../../model/architecture';
import { RESNET18 } from '../../model/variants';
import { DEFAULT_STATE, parseUrlState, type UrlState } from '../urlState';
import { readLink, stopPatch, writeLink } from './lessonView';

const steps = new StepList(archNodes(RESNET18, [1, 1, 224, 224]));

describe('the guided lesson', () => {
  it("has 15 to 25 stops, in the notebook's order of chapters", () => {
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

  describe('its address', () => {
    const n = LESSON_STOPS.findIndex((s) => s.id === 'block') + 1;
    const pinned = (m: number, reader: Partial<UrlState> = {}): UrlState => ({
      ...DEFAULT_STATE,
      ...reader,
      ...stopPatch(LESSON_STOPS[m - 1]!, m),
    });

    it('is `?lesson=N` alone while the view is the stop as pinned, and reads back as it', () => {
      const state = pinned(n, { lang: 'zh', backend: 'wasm' });
      expect(writeLink(state)).toBe(`?lang=zh&backend=wasm&lesson=${n}`);
      expect(readLink(writeLink(state))).toEqual({ state, errors: [] });
      expect(readLink(`?lesson=${n}`).state).toEqual(pinned(n));
    });

    it('carries what the reader changed inside the stop, and a reload shows it', () => {
      const stepped = { ...pinned(n), step: 'b3.0.conv1', view: 'layer' as const };
      expect(writeLink(stepped)).toBe(`?step=b3.0.conv1&view=layer&lesson=${n}`);
      expect(readLink(writeLink(stepped)).state).toEqual(stepped);
      // back at the input, the step is the default: written empty, so the stop's step is not put back
      const atInput = { ...pinned(n), step: '' };
      expect(writeLink(atInput)).toBe(`?step=&lesson=${n}`);
      expect(readLink(writeLink(atInput)).state).toEqual(atInput);
    });

    it('keeps the stop’s value where the link’s own cannot be read, and reports it', () => {
      const { state, errors } = readLink(`?lesson=${n}&step=B3!`);
      expect(state.step).toBe(pinned(n).step);
      expect(errors.map((e) => e.param)).toEqual(['step']);
    });

    it('outside the lesson, leaves out the defaults only', () => {
      const left = { ...pinned(n), lesson: 0 };
      expect(writeLink(left)).toBe('?size=224&input=rand%3A0&step=b3.0');
      expect(readLink(writeLink(left)).state).toEqual(left);
    });
  });
});
