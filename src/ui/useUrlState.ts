/** The URL's state as React state: reading parses the table, writing replaces the URL. */
import { useCallback, useEffect, useState } from 'react';
import { formatUrlState, parseUrlState, type ParsedUrlState, type UrlState } from './urlState';

export function useUrlState(): [ParsedUrlState, (patch: Partial<UrlState>) => void] {
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
  return [parsed, update];
}
