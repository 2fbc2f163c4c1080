import type { UrlState } from '../urlState';

/** What every chapter page gets: the URL state and a way to change it. */
export interface PageProps {
  readonly state: UrlState;
  readonly update: (patch: Partial<UrlState>) => void;
}
