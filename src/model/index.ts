/** The model core: the notebook's ResNet-18 on tfjs. No React, no DOM; runs in Node and the browser. */
export * from './types';
export * from './architecture';
export * from './variants';
export * from './shipped';
export * from './blocks';
export {
  ResNet,
  WeightsError,
  randomStateDict,
  stateDictProblems,
  describeProblems,
  type StateDict,
  type PathRecorder,
} from './network';
export {
  residualForward,
  residualPlan,
  randomResidualWeights,
  disposeResidualWeights,
  RESIDUAL_STEPS,
  type ResidualWeights,
  type ResidualStep,
} from './residual';
export {
  runPlan,
  runPlanStepwise,
  yieldToPage,
  type PlannedOp,
  type PlannedLayer,
  type RunnableOp,
} from './planRunner';
export { FusedNetwork, type FusedOp } from './fused';
export {
  Trace,
  traceForward,
  traceForwardStepwise,
  readNCHW,
  readPredictions,
  type TracedNode,
  type StepwiseOptions,
} from './trace';
export {
  selectBackend,
  backendOrder,
  isBackendName,
  type BackendChoice,
  type BackendAttempt,
  type BackendLoader,
} from './backend';
export {
  parseModelJson,
  decodeStateDict,
  loadStateDict,
  expectedByteLength,
  verifyChecksums,
  WeightsFileError,
  type ModelJson,
  type LoadedWeights,
  type WeightsProblem,
  type WeightsProblemKind,
} from './weights';
export {
  loadNetworkFromUrl,
  networkFromWeights,
  fetchBytes,
  DEFAULT_MODEL_URL,
  type LoadedNetwork,
} from './loadNetwork';
export { sha256Hex, sha256Js } from './sha256';
export { randomInput, grayImageToInput, rgbaToGray } from './input';
export { mulberry32, uniformArray } from './random';
export {
  cleanEntries,
  heldOutOfClass,
  HELD_OUT_PER_CLASS,
  IMAGE_SIDE,
  IMAGE_PIXELS,
  NUM_CLASSES,
} from './fashionMnist';
export { toNCHWShape } from './layers';
export { networkCost, sumCost, type Cost, type StageCost, type NetworkCost } from './cost';
export { fitWeights, type WeightsFit } from './weightsArch';
export { networkFromFiles, type ChosenFile } from './fileWeights';
