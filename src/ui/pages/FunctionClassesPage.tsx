import { useTranslation } from 'react-i18next';
import type { PageProps } from './pageProps';

export function FunctionClassesPage(_props: PageProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="fc-heading" className="chapter">
      <h2 id="fc-heading">{t('functionClasses.heading')}</h2>
      <p>{t('functionClasses.p1')}</p>
      <p>{t('functionClasses.p2')}</p>
    </section>
  );
}
