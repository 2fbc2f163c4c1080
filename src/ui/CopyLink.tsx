/** "Copy link to this view": the address, which holds the whole view, onto the clipboard. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyLink() {
  const { t } = useTranslation();
  const [note, setNote] = useState<'done' | 'failed'>();
  const copy = () => {
    navigator.clipboard
      .writeText(window.location.href)
      .then(() => setNote('done'))
      .catch(() => setNote('failed'));
  };
  return (
    <>
      <button type="button" className="tool" onClick={copy}>
        {t('copyLink.label')}
      </button>
      <span role="status" className="copy-note">
        {note && t(`copyLink.${note}`)}
      </span>
    </>
  );
}
