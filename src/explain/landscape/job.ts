/**
 * One landscape request in the race worker: the finished race's networks computed point by
 * point, progress and the result posted as messages. Kept out of the worker file so Node
 * tests drive it.
 */
import type { RaceMessage, RaceRequest } from '../../workers/raceMessages';
import type { RaceNet } from '../../model/raceNet';
import type { LabelledImages } from '../race/data';
import { computeLandscape } from './compute';

export async function runLandscapeJob(
  trained: { nets: { id: string; net: RaceNet }[]; train: LabelledImages } | undefined,
  m: Extract<RaceRequest, { type: 'landscape' }>,
  post: (m: RaceMessage) => void,
  cancelled: () => boolean,
): Promise<void> {
  const job = m.job;
  if (!trained?.nets.length) {
    post({ type: 'landscape-error', job, message: 'no trained networks: the race has not finished' });
    return;
  }
  try {
    const result = await computeLandscape(
      trained.nets,
      trained.train,
      { size: m.size, images: m.images },
      {
        onProgress: (progress) => post({ type: 'landscape-progress', job, progress }),
        cancelled,
        // lets a cancel message in between points
        between: () => new Promise((r) => setTimeout(r, 0)),
      },
    );
    post({ type: 'landscape-done', job, result });
  } catch (e) {
    post({ type: 'landscape-error', job, message: e instanceof Error ? e.message : String(e) });
  }
}
