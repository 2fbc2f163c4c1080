/** The bare address: where to begin, the guided lesson or one of the chapters. */
import { useTranslation } from 'react-i18next';
import { LESSON_STOPS } from '../explain/lesson/stops';
import { ROUTES } from './routes';

const BLURBS = {
  'function-classes': 'start.functionClasses',
  'residual-block': 'start.residualBlock',
  'resnet-18': 'start.resnet18',
  race: 'start.race',
} as const;

export function StartPanel({ onStart }: { onStart: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="start-panel" aria-labelledby="start-heading">
      <h2 id="start-heading">{t('start.heading')}</h2>
      <p>
        <button type="button" className="primary" onClick={onStart}>
          {t('lesson.start')}
        </button>{' '}
        {t('start.lesson', { count: LESSON_STOPS.length })}
      </p>
      <p>{t('start.chapters')}</p>
      <ul>
        {ROUTES.map((r) => (
          <li key={r.id}>
            <a href={`#/${r.id}`}>{t(r.labelKey)}</a> — {t(BLURBS[r.id])}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The end of a chapter: a link to the next one, or to the lesson after the last. */
export function NextChapter({ route, onStart }: { route: string; onStart: () => void }) {
  const { t } = useTranslation();
  const i = ROUTES.findIndex((r) => r.id === route);
  const next = ROUTES[i + 1];
  return (
    <nav className="next-chapter" aria-label={t('nextChapter.label')}>
      {next ? (
        <a href={`#/${next.id}`} onClick={() => window.scrollTo(0, 0)}>
          {t('nextChapter.to', { name: t(next.labelKey) })}
        </a>
      ) : (
        <p>
          {t('nextChapter.end')}{' '}
          <button type="button" onClick={onStart}>
            {t('lesson.start')}
          </button>
        </p>
      )}
    </nav>
  );
}
