/** The URL's state as React state: reading parses the table, writing replaces the URL. */
import { useCallback, useEffect, useState } from 'react';
import { formatUrlState, parseUrlState, type ParsedUrlState, type UrlProblem, type UrlState } from './urlState';

export interface UrlStateHandle {
  readonly parsed: ParsedUrlState;
  readonly update: (patch: Partial<UrlState>) => void;
  /** Add a problem found later (e.g. a step the traced network does not have) to the same message. */
  readonly report: (problem: UrlProblem) => void;
}

function sameProblem(a: UrlProblem, b: UrlProblem): boolean {
  return a.param === b.param && a.value === b.value;
}

export function useUrlState(): UrlStateHandle {
  const [parsed, setParsed] = useState(() => parseUrlState(window.location.search));
  useEffect(() => {
    const onPop = () => setParsed(parseUrlState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((patch: Partial<UrlState>) => {
    setParsed((prev) => {
      const state = { ...prev.state, ...patch };
      const url = `${window.location.pathname}${formatUrlState(state)}${window.location.hash}`;
      // writing the address bar can take tens of milliseconds: its own task, not the click's
      setTimeout(() => window.history.replaceState(null, '', url), 0);
      return { state, errors: prev.errors };
    });
  }, []);
  const report = useCallback((problem: UrlProblem) => {
    setParsed((prev) =>
      prev.errors.some((e) => sameProblem(e, problem)) ? prev : { ...prev, errors: [...prev.errors, problem] },
    );
  }, []);
  return { parsed, update, report };
}
