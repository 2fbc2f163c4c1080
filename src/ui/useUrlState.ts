/**
 * The URL's state as React state: reading parses the table, writing replaces the URL. In the
 * lesson the address holds the stop and what differs from its pinned view (see lessonView).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ParsedUrlState, UrlProblem, UrlState } from './urlState';
import { readLink, writeLink } from './lesson/lessonView';

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
  const [parsed, setParsed] = useState(() => readLink(window.location.search));
  useEffect(() => {
    const onPop = () => setParsed(readLink(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((patch: Partial<UrlState>) => {
    setParsed((prev) => {
      const state = { ...prev.state, ...patch };
      const url = `${window.location.pathname}${writeLink(state)}${window.location.hash}`;
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
