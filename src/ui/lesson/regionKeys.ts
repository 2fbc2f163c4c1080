/**
 * What in each outlined region a stop is about: the element that must be fully readable
 * above the lesson bar (several selectors: the extent that covers them all). A stop whose
 * task points elsewhere in its region names its own.
 */
import type { LessonRegion } from '../../explain/lesson/stops';

const BY_REGION: Record<LessonRegion, string> = {
  'fc-figure': '.fc-panels',
  'fc-experiment': '.fc-run',
  'rb-comparison': '.block-diagram',
  'rb-lab': '#lab-outcome-heading, .outcome-ok, .traceback',
  'rb-path': '.block-diagram',
  'rb-identity': '.lab-identity',
  'r18-diagram': '.diagram svg',
  'r18-maps': '.tensor-head, .feature-maps, .addition',
  'r18-code': '.explanation, .formula-display',
  'r18-side': '#probs-heading, .probabilities svg',
  'r18-lesion': '#lesion-heading, .lesion-controls',
  'race-landscape': '#landscape-heading, .race-landscape > p:first-of-type',
};

/** Stops whose task points at another part of their region. */
const BY_STOP: Record<string, string> = {
  nonNestedFar: '.fc-distances',
};

/** The key element's selector for a stop. */
export function keySelector(stopId: string, region: LessonRegion): string {
  return BY_STOP[stopId] ?? BY_REGION[region];
}
