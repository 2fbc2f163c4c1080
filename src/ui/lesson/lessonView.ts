/**
 * A lesson stop as a change of the page's state: the stop's link, parsed by the one URL table.
 * In the lesson the address says only what differs from the stop's pinned view, so
 * `?lesson=N` alone is stop N as pinned, and a reload (or a copied link) after stepping
 * inside a stop shows what was on screen, still at stop N.
 */
import { lessonStop, type LessonStop } from '../../explain/lesson/stops';
import {
  DEFAULT_STATE,
  formatUrlState,
  parseUrlState,
  type ParsedUrlState,
  type UrlParam,
  type UrlState,
} from '../urlState';

/** What a stop never changes: how the reader reads, not what they look at. */
const READER_SETTINGS: readonly UrlParam[] = ['lang', 'backend', 'projector'];

/** Every parameter but the reader's settings and the lesson, as the stop pins it (defaults where it says nothing). */
function pinnedView(stop: LessonStop): Partial<UrlState> {
  const pinned = parseUrlState(`?${stop.params}`).state;
  return Object.fromEntries(
    Object.entries(pinned).filter(([k]) => !READER_SETTINGS.includes(k as UrlParam) && k !== 'lesson'),
  );
}

/** Every parameter but the reader's settings, as the stop pins it (defaults where it says nothing). */
export function stopPatch(stop: LessonStop, n: number): Partial<UrlState> {
  return { ...pinnedView(stop), lesson: n };
}

/**
 * The state a link asks for. In the lesson: the stop's pinned view, with what the link
 * gives over it (`step=` too: the input, though the stop pins another step); a value the
 * link gives but cannot be read is reported and the stop's used.
 */
export function readLink(search: string): ParsedUrlState {
  const parsed = parseUrlState(search);
  const stop = lessonStop(parsed.state.lesson);
  if (!stop) return parsed;
  const given = new URLSearchParams(search);
  const bad = new Set(parsed.errors.map((e) => e.param));
  const fromStop = Object.entries(pinnedView(stop)).filter(([k]) => !given.has(k) || bad.has(k));
  return { state: { ...parsed.state, ...Object.fromEntries(fromStop) }, errors: parsed.errors };
}

/** The query string of a state: in the lesson, the stop and what differs from its pinned view; else what differs from the defaults. */
export function writeLink(state: UrlState): string {
  const stop = lessonStop(state.lesson);
  return formatUrlState(state, stop ? { ...DEFAULT_STATE, ...pinnedView(stop) } : DEFAULT_STATE);
}
