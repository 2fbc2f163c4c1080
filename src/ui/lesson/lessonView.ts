/** A lesson stop as a change of the page's state: the stop's link, parsed by the one URL table. */
import type { LessonStop } from '../../explain/lesson/stops';
import { parseUrlState, type UrlState } from '../urlState';

/** What a stop never changes: how the reader reads, not what they look at. */
const READER_SETTINGS: readonly string[] = ['lang', 'backend', 'projector'];

/** Every parameter but the reader's settings, as the stop pins it (defaults where it says nothing). */
export function stopPatch(stop: LessonStop, n: number): Partial<UrlState> {
  const pinned = parseUrlState(`?${stop.params}`).state;
  return {
    ...Object.fromEntries(Object.entries(pinned).filter(([k]) => !READER_SETTINGS.includes(k))),
    lesson: n,
  };
}
