import type { UrlProblem, UrlState } from '../urlState';

/** What every chapter page gets: the URL state, a way to change it, and where to report a bad value. */
export interface PageProps {
  readonly state: UrlState;
  readonly update: (patch: Partial<UrlState>) => void;
  /** Report a link value found wrong only later (e.g. a step the network lacks); shown with the others. */
  readonly report: (problem: UrlProblem) => void;
}
