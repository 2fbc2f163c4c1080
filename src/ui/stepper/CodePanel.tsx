/**
 * The notebook's code with the line that produced the current tensor highlighted, and the
 * notebook's console showing what has been printed by this point.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeInfo } from '../../model/types';
import { NOTEBOOK_CODE, type CodeLine } from '../../explain/stepper/notebookCode';
import { codeLinesFor, consoleLines } from '../../explain/stepper/notebookLines';
import type { StepItem } from '../../explain/stepper/steps';
import './code.css';

/** The lines this notebook adds to d2l's `Residual`, marked as such. */
const ADDED_PRINTS = new Set(['fwd.printY', 'fwd.printX']);

interface Props {
  readonly item: StepItem;
  readonly nodes: readonly NodeInfo[];
  /** The variant's code (the notebook's by default). */
  readonly code?: readonly CodeLine[];
  /** The `X = …` line of the input really used, where it is not the book's. */
  readonly inputLine?: string;
}

/** Memoised: re-rendered only when the step it shows changes. */
export const CodePanel = memo(function CodePanel({ item, nodes, code = NOTEBOOK_CODE, inputLine }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const { current, context } = codeLinesFor(item, code);
  const lines = useMemo(() => consoleLines(nodes), [nodes]);
  const printed = lines.filter((l) => l.printedAt <= item.order);

  useEffect(() => {
    // keep the highlighted line in view inside the panel, without scrolling the page; in a
    // task of its own, after the step has been painted, so that reading the line's position
    // does not force a second layout into the step's task
    const id = setTimeout(() => {
      const el = box.current;
      const line = el?.querySelector<HTMLElement>('.code-line.current');
      if (!el || !line) return;
      const top = line.offsetTop; // .code is position: relative, the offset parent
      if (top < el.scrollTop || top > el.scrollTop + el.clientHeight - 40)
        el.scrollTop = Math.max(0, top - el.clientHeight / 3);
    });
    return () => clearTimeout(id);
  }, [item]);

  const consoleRef = useRef<HTMLPreElement>(null);
  useEffect(() => {
    // like a notebook, the newest output is at the bottom (after the paint, as above)
    const id = setTimeout(() => {
      if (consoleRef.current) consoleRef.current.scrollTop = consoleRef.current.scrollHeight;
    });
    return () => clearTimeout(id);
  }, [printed.length]);

  return (
    <div className="code-panel">
      <h3>{t('stepper.code.title')}</h3>
      <div className="code" ref={box} role="region" aria-label={t('stepper.code.title')} tabIndex={0}>
        <pre className="mono">
          {code.map((l, i) => {
            const cls = l.id && current.includes(l.id) ? 'current' : l.id && context.includes(l.id) ? 'context' : '';
            return (
              <span key={i} className={`code-line ${cls}`} aria-current={cls === 'current' ? 'true' : undefined}>
                {l.cell && <span className="cell-label">{l.cell}</span>}
                {(l.id === 'input' && inputLine) || l.text || ' '}
                {l.id && ADDED_PRINTS.has(l.id) && <span className="code-note"> # {t('stepper.code.addedPrint')}</span>}
                {'\n'}
              </span>
            );
          })}
        </pre>
      </div>
      <figure className="printout console">
        <figcaption>{t('stepper.code.console')}</figcaption>
        <pre className="mono" aria-live="polite" ref={consoleRef} tabIndex={0}>
          {printed.length ? printed.map((l) => l.text).join('\n') : t('stepper.code.empty')}
        </pre>
      </figure>
    </div>
  );
});
