/** The input sizes the page works with, each said once (the URL table, the retry policy and the workers read them here). */

/** The smallest input side: the networks halve it five times, so 32 leaves b5 a 1×1 feature map. */
export const MIN_INPUT_SIZE = 32;

/** The side a network runs at when its weights do not say theirs (random weights, a model.json without `inputSize`). */
export const DEFAULT_INPUT_SIZE = 64;
