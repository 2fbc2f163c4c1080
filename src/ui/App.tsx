/** The page frame: header, chapter navigation, language switch, backend status, the chapter. */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createI18n } from '../i18n';
import { BackendStatus } from './BackendStatus';
import { registerOfflineSupport } from './offline';
import { ModelProvider } from './model/ModelContext';
// each chapter is its own download, so the first page a student opens loads only what it shows
const FunctionClassesPage = lazy(() =>
  import('./pages/FunctionClassesPage').then((m) => ({ default: m.FunctionClassesPage })),
);
const ResidualBlockPage = lazy(() =>
  import('./pages/ResidualBlockPage').then((m) => ({ default: m.ResidualBlockPage })),
);
const ResNet18Page = lazy(() => import('./pages/ResNet18Page').then((m) => ({ default: m.ResNet18Page })));
import { ROUTES, type RouteId } from './routes';
import { useRoute } from './useRoute';
import { useUrlState } from './useUrlState';
import type { Lang, UrlProblem } from './urlState';
import type { PageProps } from './pages/pageProps';
import { UrlProblems } from './UrlProblems';

export function App() {
  const { parsed, update, report } = useUrlState();
  const { state, errors } = parsed;
  const i18n = useMemo(() => createI18n(state.lang), [state.lang]);
  useEffect(() => {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  }, [state.lang]);
  useEffect(() => {
    document.documentElement.dataset['projector'] = state.projector ? '1' : '0';
  }, [state.projector]);
  return (
    <I18nextProvider i18n={i18n}>
      <ModelProvider backend={state.backend}>
        <Frame state={state} errors={errors} update={update} report={report} />
      </ModelProvider>
    </I18nextProvider>
  );
}

interface FrameProps extends PageProps {
  errors: readonly UrlProblem[];
}

function Frame({ state, errors, update, report }: FrameProps) {
  const { t } = useTranslation();
  const route = useRoute();
  const [offlineReady, setOfflineReady] = useState(false);
  useEffect(() => registerOfflineSupport(() => setOfflineReady(true)), []);
  useEffect(() => {
    document.title = `${t(ROUTES.find((r) => r.id === route)?.labelKey ?? 'app.title')} — ${t('app.title')}`;
  }, [route, t]);
  return (
    <div className="app">
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
        <button
          type="button"
          className="projector-toggle"
          aria-pressed={state.projector}
          onClick={() => update({ projector: !state.projector })}
        >
          {t('app.projector')}
        </button>
        <label className="lang-switch">
          <span>{t('app.language')}</span>
          <select value={state.lang} onChange={(e) => update({ lang: e.target.value as Lang })}>
            <option value="en">English</option>
            <option value="zh">中文</option>
          </select>
        </label>
      </header>
      <div className="status-row">
        <BackendStatus />
        {offlineReady && <p className="notice offline-ready">{t('app.offlineReady')}</p>}
      </div>
      <UrlProblems problems={errors} />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="notice">{t('app.loadingChapter')}</p>}>
          <Chapter route={route} state={state} update={update} report={report} />
        </Suspense>
      </main>
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
      return <ResNet18Page {...page} />;
  }
}
