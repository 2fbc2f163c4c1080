/**
 * The lesson's bar, always on screen: where we are (progress, the list of stops), the
 * stop's caption from the d2l notebook, the one thing to do, and the way on, back or out.
 */
import { useTranslation } from 'react-i18next';
import { LESSON_STOPS } from '../../explain/lesson/stops';
import { NEXT_STOP, PREVIOUS_STOP, type AppContext } from '../keys/appActions';
import { keyLabel } from '../keys/KeyHelp';
import type { Lesson } from './useLesson';
import './lesson.css';

export function LessonBar({ lesson, ctx }: { lesson: Lesson; ctx: AppContext }) {
  const { t } = useTranslation();
  const { n, total, stop } = lesson;
  if (!stop) return null;
  const text = (part: string) => t(`lesson.stop.${stop.id}.${part}`);
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
    <section className="lesson-bar" aria-label={t('lesson.label')}>
      <div className="lesson-head">
        <p className="lesson-where">
          <span>{t('lesson.label')}</span>{' '}
          <progress max={total} value={n} aria-label={t('lesson.progress', { n, total })} />{' '}
          <span aria-live="polite">{t('lesson.progress', { n, total })}</span>
        </p>
        <h2 id="lesson-title" className="lesson-title">
          {text('title')}
        </h2>
        <div className="lesson-moves">
          {button(PREVIOUS_STOP, n <= 1, '←')}
          {button(NEXT_STOP, n >= total, '→')}
          <label className="lesson-list">
            <span className="visually-hidden">{t('lesson.allStops')}</span>
            <select value={n} onChange={(e) => lesson.goTo(Number(e.target.value))}>
              {LESSON_STOPS.map((s, i) => (
                <option key={s.id} value={i + 1}>
                  {i + 1} · {t(`lesson.stop.${s.id}.title`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="secondary" title={t('lesson.leaveHint')} onClick={lesson.leave}>
            {t('lesson.leave')}
          </button>
        </div>
      </div>
      <div className="lesson-body">
        <blockquote className="lesson-caption">
          <p>
            <span className="lesson-source">{t('lesson.fromNotebook')}</span> {text('caption')}
          </p>
        </blockquote>
        <p className="lesson-task">
          <strong>{t('lesson.todo')}</strong> {text('task')}
        </p>
      </div>
    </section>
  );
}
