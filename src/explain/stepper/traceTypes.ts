/**
 * A trace as the page and the model worker speak of it: what a new trace gives the page,
 * what the stepper's views read from it, and the error a read that lost its race ends with.
 * The trace itself lives in the worker (`src/workers/stepperSession.ts`).
 */
import type { BackendName, NodeInfo, PlainTensor } from '../../model/types';
import type { StepList } from './steps';

/** What a new trace gives the page at once (plain data: it crosses from the worker). */
export interface TraceResult {
  readonly nodes: readonly NodeInfo[];
  /** Milliseconds to compute the forward pass and its probabilities. */
  readonly ms: number;
}

/** A trace as the page sees it: its nodes, their steps, and the backend that computed it. */
export interface TraceSummary extends TraceResult {
  readonly steps: StepList;
  readonly backend: BackendName;
}

/** What the stepper's views read from a trace. */
export interface TraceReader {
  /** The output of one node in (N, C, H, W) order. */
  read(path: string): Promise<PlainTensor>;
  /** Smallest and largest value over every node (the "global" colour scale). */
  globalRange(): Promise<{ min: number; max: number }>;
}

/** A read or trace that finished after the input changed; the page ignores it. */
export class StaleTrace extends Error {
  override name = 'StaleTrace';
  constructor() {
    super('The input changed while this was computing');
  }
}
