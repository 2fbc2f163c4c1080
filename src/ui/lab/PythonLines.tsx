/** The call as the Python a student would type: editable, parsed with Python's rules, errors shown in place. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCall, formatInput, parseCall, parseInput, type ParseError } from '../../explain/lab/pythonLine';
import type { LabConfig } from '../../explain/lab/types';

interface Props {
  readonly config: LabConfig;
  readonly onChange: (c: LabConfig) => void;
  /** Told whether a typed line failed to run, so what shows the last run can say it is out of date. */
  readonly onFailed?: (failed: boolean) => void;
}

function useParseMessage() {
  const { t } = useTranslation();
  return (e: ParseError) => {
    const { code, ...rest } = e;
    const params = code === 'tooMany' ? { count: e.count + 1 } : rest; // Python counts self
    return t(`residualBlock.outcome.parse.${code}`, params);
  };
}

export function PythonLines({ config, onChange, onFailed }: Props) {
  const { t } = useTranslation();
  const message = useParseMessage();
  const blockText = `blk = ${formatCall(config.args)}`;
  const inputText = `X = ${formatInput(config.input)}`;
  const [drafts, setDrafts] = useState({ block: blockText, input: inputText, from: blockText + inputText });
  const [errors, setErrors] = useState<{ block?: string; input?: string }>({});
  if (drafts.from !== blockText + inputText) {
    setDrafts({ block: blockText, input: inputText, from: blockText + inputText });
    setErrors({});
  }
  const failed = !!errors.block || !!errors.input;
  useEffect(() => onFailed?.(failed), [failed, onFailed]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const b = parseCall(drafts.block);
    const x = parseInput(drafts.input);
    setErrors({ ...(b.ok ? {} : { block: message(b.error) }), ...(x.ok ? {} : { input: message(x.error) }) });
    if (b.ok && x.ok) onChange({ ...config, args: b.value, input: x.value });
  };
  return (
    <form className="lab-code" onSubmit={submit} aria-label={t('residualBlock.lab.code')}>
      <input
        className="mono"
        spellCheck={false}
        value={drafts.block}
        aria-invalid={!!errors.block}
        aria-label={t('residualBlock.lab.blockLine')}
        onChange={(e) => setDrafts({ ...drafts, block: e.target.value })}
      />
      {errors.block && (
        <p className="field-error mono" role="alert">
          {errors.block}
        </p>
      )}
      <input
        className="mono"
        spellCheck={false}
        value={drafts.input}
        aria-invalid={!!errors.input}
        aria-label={t('residualBlock.lab.inputLine')}
        onChange={(e) => setDrafts({ ...drafts, input: e.target.value })}
      />
      {errors.input && (
        <p className="field-error mono" role="alert">
          {errors.input}
        </p>
      )}
      <p className="code-static mono">Y = blk(X)</p>
      <div className="code-actions">
        <button type="submit">{t('residualBlock.lab.run')}</button>
        <span className="notice">{t('residualBlock.lab.codeHint')}</span>
      </div>
    </form>
  );
}
