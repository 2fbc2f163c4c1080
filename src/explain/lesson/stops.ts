/**
 * The chapter as a guided lesson: stops in the notebook's order, each a real view of the page
 * (a chapter and the link's parameters, pinned fully), the region of the page it talks
 * about, and the one key it asks for, if any. Captions and tasks live in src/i18n/lesson.ts
 * under the stop's id: the notebook's Chinese prose and its English translation.
 */

/** The chapters a stop can open, in the notebook's order. */
export const LESSON_CHAPTERS = ['function-classes', 'residual-block', 'resnet-18', 'race'] as const;
export type LessonChapter = (typeof LESSON_CHAPTERS)[number];

/** Parts of the page a stop points at; each chapter marks its own. */
export type LessonRegion =
  | 'fc-figure'
  | 'fc-experiment'
  | 'rb-comparison'
  | 'rb-lab'
  | 'rb-path'
  | 'rb-identity'
  | 'r18-diagram'
  | 'r18-maps'
  | 'r18-code'
  | 'r18-side'
  | 'r18-lesion'
  | 'race-landscape';

/**
 * A stop's task that a click would do, offered on the clicker's keys too: the first
 * PageDown (or Enter) does it, the next moves on. `walkPath` takes one step per press.
 */
export type LessonTask = 'runExperiment' | 'walkPath' | 'measureIdentity';

export interface LessonStop {
  /** Stable name; its caption and task are `lesson.stops.<id>`. */
  readonly id: string;
  readonly chapter: LessonChapter;
  /**
   * The view as the link writes it (parsed by the page's one URL table, so a stop cannot
   * hold a value a link could not). Everything not named here is reset to its default,
   * except the reader's language, backend and projector mode.
   */
  readonly params: string;
  readonly region: LessonRegion;
  readonly task?: LessonTask;
  /** Where the caption comes from: the d2l notebook (the default), or a paper beyond it. */
  readonly source?: 'paper';
}

/** The notebook's input for ResNet-18: `X = torch.rand(size=(1, 1, 224, 224))`. */
const NOTEBOOK_INPUT = 'size=224&input=rand:0';

export const LESSON_STOPS: readonly LessonStop[] = [
  { id: 'nonNested', chapter: 'function-classes', params: 'fstep=1', region: 'fc-figure' },
  { id: 'nonNestedGrow', chapter: 'function-classes', params: 'fstep=4', region: 'fc-figure' },
  { id: 'nonNestedFar', chapter: 'function-classes', params: 'fstep=6', region: 'fc-figure' },
  { id: 'nested', chapter: 'function-classes', params: 'fstep=6', region: 'fc-figure' },
  {
    id: 'identityLayer',
    chapter: 'function-classes',
    params: 'fstep=6',
    region: 'fc-experiment',
    task: 'runExperiment',
  },
  { id: 'residualFigure', chapter: 'residual-block', params: '', region: 'rb-comparison' },
  { id: 'residual33', chapter: 'residual-block', params: '', region: 'rb-lab' },
  { id: 'residual33Path', chapter: 'residual-block', params: 'bstep=add', region: 'rb-path', task: 'walkPath' },
  { id: 'residual36Fails', chapter: 'residual-block', params: 'blk=3_6_0_1__4_3_6_6', region: 'rb-lab' },
  { id: 'residual36Fix', chapter: 'residual-block', params: 'blk=3_6_1_1__4_3_6_6&bstep=conv3', region: 'rb-path' },
  { id: 'stride2', chapter: 'residual-block', params: 'blk=3_6_1_2__4_3_6_6&bstep=conv3', region: 'rb-path' },
  { id: 'zeroWeights', chapter: 'residual-block', params: '', region: 'rb-identity', task: 'measureIdentity' },
  { id: 'stages', chapter: 'resnet-18', params: NOTEBOOK_INPUT, region: 'r18-diagram' },
  { id: 'b1', chapter: 'resnet-18', params: `${NOTEBOOK_INPUT}&step=b1.conv`, region: 'r18-code' },
  { id: 'b2', chapter: 'resnet-18', params: `${NOTEBOOK_INPUT}&step=b2`, region: 'r18-diagram' },
  { id: 'intoB3', chapter: 'resnet-18', params: `${NOTEBOOK_INPUT}&step=b3`, region: 'r18-diagram' },
  { id: 'block', chapter: 'resnet-18', params: `${NOTEBOOK_INPUT}&step=b3.0`, region: 'r18-maps' },
  { id: 'shortcut', chapter: 'resnet-18', params: `${NOTEBOOK_INPUT}&step=b3.0.conv3`, region: 'r18-code' },
  { id: 'addition', chapter: 'resnet-18', params: `${NOTEBOOK_INPUT}&step=b3.0.add`, region: 'r18-maps' },
  { id: 'deep', chapter: 'resnet-18', params: `${NOTEBOOK_INPUT}&step=b5`, region: 'r18-maps' },
  { id: 'prediction', chapter: 'resnet-18', params: 'input=sample:c9-6000&step=linear', region: 'r18-side' },
  {
    id: 'lesion',
    chapter: 'resnet-18',
    params: 'input=sample:c9-6000&step=linear',
    region: 'r18-lesion',
    source: 'paper',
  },
  // beyond the notebook: Li et al. (2018)'s loss surface of the networks the race trained
  { id: 'lossSurface', chapter: 'race', params: '', region: 'race-landscape', source: 'paper' },
];

/** The stop a 1-based `lesson=N` names, or undefined. */
export function lessonStop(n: number): LessonStop | undefined {
  return n >= 1 ? LESSON_STOPS[n - 1] : undefined;
}
