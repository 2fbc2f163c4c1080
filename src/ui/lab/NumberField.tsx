/** A labelled number input that keeps what the person types (e.g. "3.5", "-1") and reports only numbers. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly label: string;
  readonly value: number;
  readonly onValue: (v: number) => void;
}

export function NumberField({ label, value, onValue }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(value));
  const [shown, setShown] = useState(value);
  // a change from outside (a preset, a fix, the Python line) replaces the draft
  if (shown !== value) {
    setShown(value);
    if (Number(draft) !== value || draft.trim() === '') setDraft(String(value));
  }
  const bad = draft.trim() === '' || !Number.isFinite(Number(draft));
  return (
    <label className="lab-field">
      <span className="mono">{label}</span>
      <input
        type="number"
        step={1}
        value={draft}
        aria-invalid={bad}
        onChange={(e) => {
          const raw = e.target.value;
          setDraft(raw);
          const v = Number(raw);
          if (raw.trim() !== '' && Number.isFinite(v)) {
            onValue(v);
          }
        }}
      />
      {bad && <small className="field-error">{t('residualBlock.lab.notNumber', { field: label })}</small>}
    </label>
  );
}
