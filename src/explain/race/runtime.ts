/**
 * What one race worker holds: its backend (timed once with the probe network), the data,
 * the race in progress (pause, resume, stop) and the networks it trained, kept until the
 * next race or `stop` so later experiments can use their weights. The worker file only
 * turns messages into calls on this object; tests drive it in Node.
 */
import { selectBackend, type BackendLoader } from '../../model/backend';
import * as tf from '@tensorflow/tfjs-core';
import { raceLesion, removableRaceBlocks, type RaceLesionRow } from '../../model/raceLesion';
import {
  raceNamedParameters,
  raceNamedStatistics,
  raceTrainableVariables,
  type RaceNet,
  type RaceNetSpec,
} from '../../model/raceNet';
import type { BackendName } from '../../model/types';
import type { ProbeNet, ProbeSpeed } from './budgets';
import type { LabelledImages, RaceData } from './data';
import { timeProbe } from './measure';
import { LESION_BATCH } from './expectedGaps';
import { failureOf, ProbeError } from './probePolicy';
import { runRace } from './race';
import { raceEntries, type RaceConfig, type StepRecord } from './setup';
import { RaceTrainer } from './trainer';

/** One trained network's weights as plain arrays, in `raceTrainableVariables` order. */
export interface TrainedWeights {
  readonly id: string;
  readonly tensors: readonly {
    readonly name: string;
    readonly shape: readonly number[];
    readonly data: Float32Array;
  }[];
}

/**
 * One trained network whole: its spec, every parameter and every batch norm's running
 * statistics, by name (`raceNamedParameters`, `raceNamedStatistics`). Kept by the page, so a
 * fresh worker can take over from one that stopped answering.
 */
export interface TrainedNetwork {
  readonly id: string;
  readonly spec: RaceNetSpec;
  readonly tensors: TrainedWeights['tensors'];
}

/** One trained network of the race with each shape-keeping block removed in turn (src/model/raceLesion.ts). */
export interface RaceLesionResult {
  readonly id: string;
  /** Validation images measured on. */
  readonly images: number;
  readonly rows: readonly RaceLesionRow[];
}

/** The race's lesion study is offered for networks with at least this many blocks per stage. */
const LESION_MIN_N = 3;

export class RaceRuntime {
  private paused = false;
  private wake: (() => void) | undefined;
  private cancel = false;
  private trained: { ids: string[]; trainers: RaceTrainer[]; valImages: number } | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly data: RaceData,
    private readonly loaders: Partial<Record<BackendName, BackendLoader>>,
    /** The network timed (default: the page's probe network; tests use a smaller one). */
    private readonly probeNet?: ProbeNet,
  ) {}

  /**
   * Start `name` alone (no fallback) and time the probe network on it, calling `onStep` after
   * each step; rejects with a `ProbeError`.
   */
  async probe(name: BackendName, onStep?: () => void): Promise<ProbeSpeed> {
    const load = this.loaders[name];
    if (!load) throw new ProbeError('unavailable', `${name} is not available here`);
    try {
      await selectBackend({ [name]: load }, name);
      return await timeProbe(this.data.train, this.probeNet, onStep);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      throw new ProbeError(failureOf(message), message);
    }
  }

  /** Train a race on the backend in use; the networks of an earlier race are freed first. */
  async race(cfg: RaceConfig, onStep: (records: StepRecord[]) => void): Promise<'done' | 'stopped'> {
    await this.stop();
    this.cancel = false;
    this.paused = false;
    let finish!: () => void;
    this.running = new Promise<void>((r) => (finish = r));
    try {
      const trainers = await runRace(cfg, this.data, {
        onStep,
        whenRunning: () => this.whenRunning(),
        cancelled: () => this.cancel,
      });
      if (this.cancel) {
        trainers.forEach((t) => t.dispose());
        return 'stopped';
      }
      this.trained = { ids: raceEntries(cfg).map((e) => e.id), trainers, valImages: cfg.valImages };
      return 'done';
    } finally {
      finish();
    }
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wake?.();
    this.wake = undefined;
  }

  /** End the race in progress (after its current step) and free the trained networks. */
  async stop(): Promise<void> {
    this.cancel = true;
    this.resume();
    await this.running;
    this.trained?.trainers.forEach((t) => t.dispose());
    this.trained = undefined;
  }

  /** The last finished race's trained weights (empty before one has finished). */
  async weights(): Promise<TrainedWeights[]> {
    const t = this.trained;
    if (!t) return [];
    return Promise.all(
      t.trainers.map(async (trainer, i) => ({
        id: t.ids[i]!,
        tensors: await Promise.all(
          raceTrainableVariables(trainer.net).map(async (v) => ({
            name: v.name,
            shape: v.shape,
            data: (await v.data()) as Float32Array,
          })),
        ),
      })),
    );
  }

  /** The last finished race's networks whole (empty before one has finished), for `restore` in another worker. */
  async snapshot(): Promise<TrainedNetwork[]> {
    const t = this.trained;
    if (!t) return [];
    return Promise.all(
      t.trainers.map(async (trainer, i) => ({
        id: t.ids[i]!,
        spec: trainer.net.spec,
        tensors: await Promise.all(
          [...raceNamedParameters(trainer.net), ...raceNamedStatistics(trainer.net)].map(async (p) => ({
            name: p.name,
            shape: p.variable.shape,
            data: (await p.variable.data()) as Float32Array,
          })),
        ),
      })),
    );
  }

  /**
   * Start `name` (no fallback) and hold `nets` as the finished race of `cfg`, as the worker that
   * trained them did: a fresh worker taking over from one that stopped answering.
   */
  async restore(name: BackendName, cfg: RaceConfig, nets: readonly TrainedNetwork[]): Promise<void> {
    const load = this.loaders[name];
    if (!load) throw new Error(`${name} is not available here`);
    await this.stop();
    await selectBackend({ [name]: load }, name);
    const trainers: RaceTrainer[] = [];
    try {
      for (const n of nets) {
        const trainer = new RaceTrainer(n.spec, cfg);
        trainers.push(trainer);
        const byName = new Map(n.tensors.map((x) => [x.name, x]));
        for (const p of [...raceNamedParameters(trainer.net), ...raceNamedStatistics(trainer.net)]) {
          const saved = byName.get(p.name);
          if (!saved || saved.shape.join() !== p.variable.shape.join())
            throw new Error(`${n.id}: ${p.name} is missing or has another shape`);
          tf.tidy(() => p.variable.assign(tf.tensor(saved.data, p.variable.shape)));
        }
      }
    } catch (e) {
      trainers.forEach((t) => t.dispose());
      throw e;
    }
    this.trained = { ids: nets.map((n) => n.id), trainers, valImages: cfg.valImages };
  }

  /**
   * The last finished race's networks with n ≥ 3, each with one shape-keeping block replaced by
   * the identity in turn, on the race's validation images (empty before a race has finished).
   */
  async lesion(onProgress?: (done: number, total: number) => void): Promise<RaceLesionResult[]> {
    const t = this.trained;
    if (!t) return [];
    const n = Math.min(t.valImages, this.data.val.labels.length);
    // the validation images are interleaved by class: the first n are the race's own, balanced
    const images = this.data.val.images.subarray(0, n * 784);
    const labels = this.data.val.labels.subarray(0, n);
    const out: RaceLesionResult[] = [];
    // one report per batch of images through one network with one block removed
    const studied = t.trainers.filter((tr) => tr.net.spec.n >= LESION_MIN_N);
    const batches = Math.ceil(n / LESION_BATCH);
    const total = studied.reduce(
      (s, tr) => s + batches * (1 + removableRaceBlocks(tr.net.blocks.map((b) => b.block)).length),
      0,
    );
    let done = 0;
    for (const [i, trainer] of t.trainers.entries()) {
      if (trainer.net.spec.n < LESION_MIN_N) continue;
      const rows = await raceLesion(trainer.net, images, labels, {
        batch: LESION_BATCH,
        yieldEvery: () => {
          onProgress?.(++done, total);
          return new Promise((r) => setTimeout(r, 0));
        },
      });
      out.push({ id: t.ids[i]!, images: n, rows });
    }
    return out;
  }

  /** The last finished race's networks and the training images, for experiments on the trained weights. */
  trainedNetworks(): { nets: { id: string; net: RaceNet }[]; train: LabelledImages } | undefined {
    const t = this.trained;
    return t && { nets: t.trainers.map((tr, i) => ({ id: t.ids[i]!, net: tr.net })), train: this.data.train };
  }

  /** Between steps: let pending messages in (a CPU step never yields), then wait while paused. */
  private async whenRunning(): Promise<void> {
    await new Promise((r) => setTimeout(r, 0));
    while (this.paused) await new Promise<void>((r) => (this.wake = r));
  }
}
