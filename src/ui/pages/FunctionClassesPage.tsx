import { useTranslation } from 'react-i18next';

export function FunctionClassesPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="fc-heading" className="chapter">
      <h2 id="fc-heading">{t('functionClasses.heading')}</h2>
      <p>{t('functionClasses.p1')}</p>
      <p>{t('functionClasses.p2')}</p>
    </section>
  );
}
