/** The page frame: header, chapter navigation, language switch, backend status, the chapter. */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createI18n } from '../i18n';
import { BackendStatus } from './BackendStatus';
import { registerOfflineSupport } from './offline';
import { UpdatePrompt } from './UpdatePrompt';
import { ModelProvider } from './model/ModelContext';
// each chapter is its own download, so the first page a student opens loads only what it shows
const FunctionClassesPage = lazy(() =>
  import('./pages/FunctionClassesPage').then((m) => ({ default: m.FunctionClassesPage })),
);
const ResidualBlockPage = lazy(() =>
  import('./pages/ResidualBlockPage').then((m) => ({ default: m.ResidualBlockPage })),
);
const RacePage = lazy(() => import('./pages/RacePage').then((m) => ({ default: m.RacePage })));
const ResNet18Page = lazy(() => import('./pages/ResNet18Page').then((m) => ({ default: m.ResNet18Page })));
import { ROUTES, type RouteId } from './routes';
import { useRoute } from './useRoute';
import { useUrlState } from './useUrlState';
import type { Lang, UrlState } from './urlState';

export function App() {
  const [{ state, errors }, update] = useUrlState();
  const i18n = useMemo(() => createI18n(state.lang), [state.lang]);
  useEffect(() => {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  }, [state.lang]);
  useEffect(() => {
    document.documentElement.dataset['projector'] = state.projector;
  }, [state.projector]);
  return (
    <I18nextProvider i18n={i18n}>
      <ModelProvider backend={state.backend} arch={state.arch} size={state.size}>
        <Frame state={state} errors={errors} update={update} />
      </ModelProvider>
    </I18nextProvider>
  );
}

interface FrameProps {
  state: UrlState;
  errors: readonly string[];
  update: (patch: Partial<UrlState>) => void;
}

function Frame({ state, errors, update }: FrameProps) {
  const { t } = useTranslation();
  const route = useRoute();
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
          aria-pressed={state.projector === '1'}
          onClick={() => update({ projector: state.projector === '1' ? '0' : '1' })}
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
        {reloadToUpdate && <UpdatePrompt reload={reloadToUpdate} />}
      </div>
      {errors.length > 0 && (
        <p role="alert" className="notice warn">
          {t('url.ignored', { errors: errors.join('; ') })}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="notice">{t('app.loadingChapter')}</p>}>
          <Chapter route={route} state={state} update={update} />
        </Suspense>
      </main>
    </div>
  );
}

function Chapter({ route, state, update }: { route: RouteId; state: UrlState; update: FrameProps['update'] }) {
  switch (route) {
    case 'function-classes':
      return <FunctionClassesPage state={state} update={update} />;
    case 'residual-block':
      return <ResidualBlockPage state={state} update={update} />;
    case 'resnet-18':
      return <ResNet18Page state={state} update={update} />;
    case 'race':
      return <RacePage state={state} update={update} />;
  }
}
