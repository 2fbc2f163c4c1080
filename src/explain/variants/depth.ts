/**
 * "Does depth help here?": every trained network's held-out accuracy beside its cost, and
 * sentences written from those numbers (never typed in), with the ResNet paper's ImageNet
 * figures beside them. The time per image is this device's, measured live by the page.
 */
import {
  archNodes,
  archSpec,
  networkCost,
  percent,
  SHIPPED_MODELS,
  type ArchSpec,
  type ShippedModel,
} from '../../model';

/** One trained network, at the size it was trained at. */
export interface DepthRow {
  readonly arch: ArchSpec;
  readonly inputSize: number;
  readonly epochs?: number;
  /** Held-out accuracy in [0, 1] and the number of images it was measured on. */
  readonly accuracy: number;
  readonly images: number;
  readonly params: number;
  /** Multiply-adds for one image at `inputSize`. */
  readonly multiplyAdds: number;
  /** What choosing it downloads. */
  readonly weightBytes: number;
  /** The paper's ImageNet top-1 error (Table 3, 10-crop), in %, where the paper has this network. */
  readonly paperError?: number;
}

/**
 * He et al. 2016, "Deep Residual Learning for Image Recognition", Table 3: top-1 error (%)
 * on ImageNet validation, 10-crop testing. ResNet-34 "B": projection shortcuts where the
 * shape changes, as built here.
 */
export const PAPER_TABLE3 = [
  { key: 'plain34', error: 28.54 },
  { key: 'r34', arch: 'resnet34', error: 24.52 },
  { key: 'r50', arch: 'resnet50', error: 22.85 },
  { key: 'r101', arch: 'resnet101', error: 21.75 },
  { key: 'r152', arch: 'resnet152', error: 21.43 },
] as const;

/** The trained networks' rows (default: the shipped ones), in the page's order of variants. */
export function depthRows(models: readonly ShippedModel[] = SHIPPED_MODELS): DepthRow[] {
  return models.map((m) => {
    const arch = archSpec(m.arch);
    const { total } = networkCost(archNodes(arch, [1, 1, m.inputSize, m.inputSize]));
    const paper = PAPER_TABLE3.find((p) => 'arch' in p && p.arch === m.arch);
    return {
      arch,
      inputSize: m.inputSize,
      ...(m.epochs !== undefined ? { epochs: m.epochs } : {}),
      accuracy: m.testAccuracy,
      images: m.testImages,
      params: total.params,
      multiplyAdds: total.multiplyAdds,
      weightBytes: m.weightBytes,
      ...(paper ? { paperError: paper.error } : {}),
    };
  });
}

/** A sentence to translate (`key` under `network.depth`), with its numbers already written. */
export interface DepthSentence {
  readonly key: string;
  readonly params: Record<string, string | number>;
}

/** Points between two accuracies as the page shows them, signed with a real minus: "+0.4", "−1.2", "0.0". */
export function points(a: number, b: number): string {
  // from the accuracies as shown (one decimal), so "92.5 % against 93.2 %" says −0.7, never −0.6
  const d = Math.round((Number(percent(a)) - Number(percent(b))) * 10) / 10;
  return d > 0 ? `+${d.toFixed(1)}` : d < 0 ? `−${(-d).toFixed(1)}` : '0.0';
}

/** How many times `a` is `b`, one decimal: "1.9". */
function times(a: number, b: number): string {
  return (a / b).toFixed(1);
}

/**
 * The verdict's threshold: the best deeper network "helped" from one point of accuracy above the
 * shallowest, "bought little" within one point, and did "worse" below that.
 */
export const LITTLE = 0.01;

/**
 * What depth bought on Fashion-MNIST, from the rows: each deeper network against the
 * shallowest plain one (cost ratio and accuracy difference), the verdict, what else differed
 * between the runs, and the paper's ImageNet figures. `ms`: measured time per image by arch.
 */
export function depthSentences(rows: readonly DepthRow[], ms: Partial<Record<string, number>> = {}): DepthSentence[] {
  const base = rows.find((r) => r.arch.block === 'basic') ?? rows[0];
  const out: DepthSentence[] = [];
  if (!base || rows.length < 2) {
    out.push({ key: 'one', params: { name: base?.arch.name ?? '—', accuracy: base ? percent(base.accuracy) : '—' } });
  } else {
    for (const r of rows) {
      if (r === base) continue;
      const baseMs = ms[base.arch.id];
      const rMs = ms[r.arch.id];
      const timed = baseMs !== undefined && rMs !== undefined && baseMs > 0;
      out.push({
        key: timed ? 'versusTimed' : 'versus',
        params: {
          name: r.arch.name,
          base: base.arch.name,
          macs: times(r.multiplyAdds, base.multiplyAdds),
          params: times(r.params, base.params),
          accuracy: percent(r.accuracy),
          baseAccuracy: percent(base.accuracy),
          points: points(r.accuracy, base.accuracy),
          ...(timed ? { time: times(rMs, baseMs) } : {}),
        },
      });
    }
    // only networks with more layers say what depth bought (the pre-activation ResNet-18 has as many)
    const deeper = rows.filter((r) => r.arch.depth > base.arch.depth);
    const best = deeper.reduce<DepthRow | undefined>((a, b) => (!a || b.accuracy > a.accuracy ? b : a), undefined);
    const gain = best ? best.accuracy - base.accuracy : 0;
    const verdict = gain >= LITTLE ? 'helped' : gain > -LITTLE ? 'little' : 'worse';
    if (best)
      out.push({
        key: verdict,
        params: {
          best: best.arch.name,
          base: base.arch.name,
          count: rows.length,
          points: points(best.accuracy, base.accuracy).replace(/^[+−]/, ''),
          macs: times(best.multiplyAdds, base.multiplyAdds),
        },
      });
    const sizes = new Set(rows.map((r) => r.inputSize));
    const epochs = new Set(rows.map((r) => r.epochs));
    if (sizes.size > 1 || epochs.size > 1) {
      // said first: every figure after it is read in its light
      out.unshift({
        key: 'differed',
        params: {
          runs: rows.map((r) => `${r.arch.name} ${r.inputSize}×${r.inputSize}, ${r.epochs ?? '?'}`).join('; '),
        },
      });
    }
  }
  out.push({ key: 'imagenet', params: Object.fromEntries(PAPER_TABLE3.map((p) => [p.key, p.error.toFixed(2)])) });
  return out;
}
