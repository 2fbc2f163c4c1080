/** The `?` overlay: every key of the page you are on, listed from the action lists that drive the buttons. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { KeyGroup } from './keyAction';

/** A key as a person reads it, in the page's language (`ArrowRight` → `→`, `PageDown` → `Page Down`). */
export function keyLabel(t: TFunction, key: string): string {
  const name = key === ' ' ? 'Space' : key;
  return t(`keys.name.${name}`, { defaultValue: name });
}

interface Props {
  readonly groups: readonly KeyGroup[];
  readonly onClose: () => void;
}

export function KeyHelp({ groups, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="key-help" aria-labelledby="key-help-title" onClose={onClose}>
      <h2 id="key-help-title">{t('keys.title')}</h2>
      {groups.map((g) => (
        <section key={g.heading} aria-label={t(g.heading)}>
          <h3>
            {t(g.heading)}
            {g.when && <span className="key-when"> — {t(g.when)}</span>}
          </h3>
          <dl>
            {g.actions.map((a) => (
              <div key={a.label}>
                <dt>
                  {a.keys.map((k) => (
                    <kbd key={k}>{keyLabel(t, k)}</kbd>
                  ))}
                </dt>
                <dd>{t(a.label)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <form method="dialog">
        <button type="submit">{t('keys.close')}</button>
      </form>
    </dialog>
  );
}
