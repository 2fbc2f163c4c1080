import { useTranslation } from 'react-i18next';
import type { PageProps } from './pageProps';

export function ResidualBlockPage(_props: PageProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rb-heading" className="chapter">
      <h2 id="rb-heading">{t('residualBlock.heading')}</h2>
      <p>{t('residualBlock.p1')}</p>
    </section>
  );
}
