/** The one message that lists every value of the link that could not be used, in the page's language. */
import { useTranslation } from 'react-i18next';
import type { UrlProblem } from './urlState';

export function UrlProblems({ problems }: { problems: readonly UrlProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="notice warn url-problems">
      <p>{t('url.ignored')}</p>
      <ul>
        {problems.map((p) => (
          <li key={p.param}>
            {t('url.bad', {
              param: p.param,
              value: p.value,
              expected: t(`url.expected.${p.expected.key}`, p.expected.values ?? {}),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
