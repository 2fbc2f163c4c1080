/** The page frame: header, chapter navigation, presenter tools, the lesson, backend status, the chapter. */
import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createI18n } from '../i18n';
import { BackendStatus } from './BackendStatus';
import { registerOfflineSupport } from './offline';
import { UpdatePrompt } from './UpdatePrompt';
import { ModelProvider } from './runtime/ModelContext';
import { RaceSessionProvider } from './race/RaceSessionContext';
// each chapter is its own download, so the first page a student opens loads only what it shows
const FunctionClassesPage = lazy(() =>
  import('./pages/FunctionClassesPage').then((m) => ({ default: m.FunctionClassesPage })),
);
const ResidualBlockPage = lazy(() =>
  import('./pages/ResidualBlockPage').then((m) => ({ default: m.ResidualBlockPage })),
);
const RacePage = lazy(() => import('./pages/RacePage').then((m) => ({ default: m.RacePage })));
const NetworkPage = lazy(() => import('./pages/NetworkPage').then((m) => ({ default: m.NetworkPage })));
import { ROUTES, type RouteId } from './routes';
import { useRoute } from './useRoute';
import { useUrlState } from './useUrlState';
import type { Lang, UrlProblem } from './urlState';
import type { PageProps } from './pages/pageProps';
import { UrlProblems } from './UrlProblems';
import { useLesson } from './lesson/useLesson';
import { LessonBar } from './lesson/LessonBar';
import { LessonFocus } from './lesson/LessonRegion';
import { LessonTasks, useTaskRegistry } from './lesson/lessonTasks';
import { keySelector } from './lesson/regionKeys';
import { usePresenter } from './keys/usePresenter';
import { KeyHelp } from './keys/KeyHelp';
import { APP_ACTIONS, FULLSCREEN, PROJECTOR, SHOW_KEYS } from './keys/appActions';
import { pageKeyGroups } from './keys/pageKeys';
import { NextChapter, StartPanel } from './StartPanel';
import { CopyLink } from './CopyLink';
import { readPageTextScale, TextScaleContext } from './textScale';

export function App() {
  const { parsed, update, report } = useUrlState();
  const { state, errors } = parsed;
  const i18n = useMemo(() => createI18n(state.lang), [state.lang]);
  useEffect(() => {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  }, [state.lang]);
  // projector mode raises the root font; the drawings read the new scale before the page is painted
  const [textScale, setTextScale] = useState(1);
  useLayoutEffect(() => {
    document.documentElement.dataset['projector'] = state.projector ? '1' : '0';
    setTextScale(readPageTextScale());
  }, [state.projector]);
  return (
    <I18nextProvider i18n={i18n}>
      <ModelProvider backend={state.backend} arch={state.arch} size={state.size}>
        <RaceSessionProvider>
          <TextScaleContext.Provider value={textScale}>
            <Frame state={state} errors={errors} update={update} report={report} />
          </TextScaleContext.Provider>
        </RaceSessionProvider>
      </ModelProvider>
    </I18nextProvider>
  );
}

interface FrameProps extends PageProps {
  errors: readonly UrlProblem[];
}

/** Whether the page was opened at the bare address: no chapter, no state. */
const BARE = window.location.search === '' && window.location.hash === '';

function Frame({ state, errors, update, report }: FrameProps) {
  const { t } = useTranslation();
  const route = useRoute();
  const lesson = useLesson({ state, update });
  const tasks = useTaskRegistry();
  const presenter = usePresenter({ state, update }, lesson, tasks);
  const { ctx } = presenter;
  const [offlineReady, setOfflineReady] = useState(false);
  const [reloadToUpdate, setReloadToUpdate] = useState<() => void>();
  useEffect(
    () =>
      registerOfflineSupport({
        onOfflineReady: () => setOfflineReady(true),
        onUpdateReady: (reload) => setReloadToUpdate(() => reload),
      }),
    [],
  );
  useEffect(() => {
    document.title = `${t(ROUTES.find((r) => r.id === route)?.labelKey ?? 'app.title')} — ${t('app.title')}`;
  }, [route, t]);
  const start = () => lesson.goTo(1);
  const focus = useMemo(
    () =>
      lesson.stop?.chapter === route
        ? { region: lesson.stop.region, n: lesson.n, key: keySelector(lesson.stop.id, lesson.stop.region) }
        : undefined,
    [lesson.stop, lesson.n, route],
  );
  const keyGroups = [
    {
      heading: 'keys.page',
      actions: APP_ACTIONS.filter((a) => a.available?.(ctx) ?? true),
    },
    ...pageKeyGroups(route),
  ];
  return (
    <div className={`app${lesson.stop ? ' in-lesson' : ''}`}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <nav aria-label={t('app.nav')} className="chapters">
          {ROUTES.map((r) => (
            <a key={r.id} href={`#/${r.id}`} aria-current={r.id === route ? 'page' : undefined}>
              {t(r.labelKey)}
            </a>
          ))}
        </nav>
        <div className="header-tools">
          {!lesson.stop && (
            <button type="button" className="tool" onClick={start}>
              {t('lesson.start')}
            </button>
          )}
          <CopyLink />
          <button type="button" className="tool" aria-keyshortcuts="?" onClick={() => SHOW_KEYS.run(ctx)}>
            {t('keys.show')} <kbd aria-hidden="true">?</kbd>
          </button>
          <button
            type="button"
            className="tool"
            aria-pressed={presenter.fullscreen}
            aria-keyshortcuts={FULLSCREEN.keys.join(' ')}
            onClick={() => FULLSCREEN.run(ctx)}
          >
            {t(FULLSCREEN.label)}
          </button>
          <button
            type="button"
            className="tool projector-toggle"
            aria-pressed={state.projector}
            aria-keyshortcuts={PROJECTOR.keys.join(' ')}
            onClick={() => PROJECTOR.run(ctx)}
          >
            {t(PROJECTOR.label)}
          </button>
          <label className="lang-switch">
            <span>{t('app.language')}</span>
            <select value={state.lang} onChange={(e) => update({ lang: e.target.value as Lang })}>
              <option value="en">English</option>
              <option value="zh">中文</option>
            </select>
          </label>
        </div>
      </header>
      <div className="status-row">
        <BackendStatus />
        {offlineReady && <p className="notice offline-ready">{t('app.offlineReady')}</p>}
        {reloadToUpdate && <UpdatePrompt reload={reloadToUpdate} />}
      </div>
      <UrlProblems problems={errors} />
      {BARE && !lesson.stop && <StartPanel onStart={start} />}
      <LessonBar lesson={lesson} ctx={ctx} />
      <main id="main" tabIndex={-1}>
        <LessonFocus.Provider value={focus}>
          <LessonTasks.Provider value={tasks}>
            <Suspense fallback={<p className="notice">{t('app.loadingChapter')}</p>}>
              <Chapter route={route} state={state} update={update} report={report} />
            </Suspense>
          </LessonTasks.Provider>
        </LessonFocus.Provider>
        {!lesson.stop && <NextChapter route={route} onStart={start} />}
      </main>
      {presenter.helpOpen && <KeyHelp groups={keyGroups} onClose={presenter.closeHelp} />}
    </div>
  );
}

function Chapter({ route, ...page }: PageProps & { route: RouteId }) {
  switch (route) {
    case 'function-classes':
      return <FunctionClassesPage {...page} />;
    case 'residual-block':
      return <ResidualBlockPage {...page} />;
    case 'resnet-18':
      return <NetworkPage {...page} />;
    case 'race':
      return <RacePage {...page} />;
  }
}
