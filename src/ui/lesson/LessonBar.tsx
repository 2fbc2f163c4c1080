/**
 * The lesson's bar, always on screen and one line high: where we are (progress, the list of
 * stops), the stop's title and caption from the d2l notebook, and the way on, back or out;
 * the full caption and the one thing to do open below it ("Try this ▸").
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { captionValues } from '../../explain/lesson/captionValues';
import { LESSON_STOPS } from '../../explain/lesson/stops';
import { NEXT_STOP, PREVIOUS_STOP, type AppContext } from '../keys/appActions';
import { keyLabel } from '../keys/KeyHelp';
import type { Lesson } from './useLesson';
import './lesson.css';

export function LessonBar({ lesson, ctx }: { lesson: Lesson; ctx: AppContext }) {
  const { t } = useTranslation();
  const { n, total, stop } = lesson;
  const [open, setOpen] = useState(false);
  const bar = useRef<HTMLElement>(null);
  // the room above the bar, for the regions that place themselves there (LessonRegion)
  useLayoutEffect(() => {
    const el = bar.current;
    const root = document.documentElement;
    if (!el) return;
    const set = () => root.style.setProperty('--lesson-bar-height', `${el.offsetHeight}px`);
    set();
    const sizes = new ResizeObserver(set);
    sizes.observe(el);
    return () => {
      sizes.disconnect();
      root.style.removeProperty('--lesson-bar-height');
    };
  }, [stop]);
  if (!stop) return null;
  // numbers the caption quotes come from the architecture (captionValues), joined the language's way
  const text = (part: string) => t(`lesson.stop.${stop.id}.${part}`, captionValues(t('lesson.listSeparator')));
  // where the caption's claim comes from: the notebook's notebook, or the paper a stop beyond it measures
  const source = t(stop.source === 'paper' ? 'lesson.fromPaper' : 'lesson.fromNotebook');
  const stopLabel = (m: number) => `${m} · ${t(`lesson.stop.${LESSON_STOPS[m - 1]?.id ?? ''}.title`)}`;
  const button = (action: typeof NEXT_STOP, disabled: boolean, glyph: string) => {
    const label = t(action.label);
    const keys = action.keys.map((k) => keyLabel(t, k)).join(', ');
    return (
      <button
        type="button"
        className="lesson-move"
        aria-label={label}
        aria-keyshortcuts={action.keys.join(' ')}
        title={`${label} (${keys})`}
        disabled={disabled}
        // the button moves at once; the clicker's key does the stop's task first
        onClick={() => ctx.lessonStep(action === NEXT_STOP ? 1 : -1)}
      >
        <span aria-hidden="true">{glyph}</span>
      </button>
    );
  };
  return (
    <section className="lesson-bar" aria-label={t('lesson.label')} ref={bar}>
      {/* one line: where, the title and the caption; the full caption and the task one press away */}
      <div className="lesson-line">
        <p className="lesson-where">
          <span aria-hidden="true">
            {n}/{total}
          </span>
          <span className="visually-hidden" aria-live="polite">
            {t('lesson.progress', { n, total })}
          </span>
        </p>
        <h2 id="lesson-title" className="lesson-title">
          {text('title')}
        </h2>
        <blockquote className="lesson-caption" title={text('caption')}>
          <p>
            <span className="lesson-source">{source}</span> {text('caption')}
          </p>
        </blockquote>
        <button
          type="button"
          className="lesson-more"
          aria-expanded={open}
          aria-controls="lesson-task"
          onClick={() => setOpen((o) => !o)}
        >
          {t('lesson.more')} <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        </button>
        <div className="lesson-moves">
          {button(PREVIOUS_STOP, n <= 1, '←')}
          {button(NEXT_STOP, n >= total, '→')}
          <label className="lesson-list">
            <span className="visually-hidden">{t('lesson.allStops')}</span>
            {/* the current stop's label, cut with an ellipsis where the bar is short of room: whole in its title */}
            <select value={n} title={stopLabel(n)} onChange={(e) => lesson.goTo(Number(e.target.value))}>
              {LESSON_STOPS.map((s, i) => (
                <option key={s.id} value={i + 1}>
                  {stopLabel(i + 1)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="secondary lesson-leave"
            aria-label={t('lesson.leave')}
            title={`${t('lesson.leave')}: ${t('lesson.leaveHint')}`}
            onClick={lesson.leave}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      </div>
      <div className="lesson-body" id="lesson-task" hidden={!open}>
        <p className="lesson-full-caption">
          <span className="lesson-source">{source}</span> {text('caption')}
        </p>
        <p className="lesson-task">
          <strong>{t('lesson.todo')}</strong> {text('task')}
        </p>
      </div>
    </section>
  );
}
