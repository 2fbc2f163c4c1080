/**
 * The chapter's formulas as TeX, with the numbers of the step on screen filled in. The
 * page typesets them (KaTeX, MathML output); the numbers come from the network's own
 * shapes and hyper-parameters, never typed by hand.
 */

/** The output size of a convolution or pooling window, ⌊(H + 2p − k)/s⌋ + 1, with this step's numbers. */
export interface WindowArithmetic {
  readonly h: number;
  readonly k: number;
  readonly s: number;
  readonly p: number;
  readonly h2: number;
}

/** The output-size formula's sides, left to right: the name, the rule, the rule with this step's numbers, the size. */
function outputSizeSides({ h, k, s, p, h2 }: WindowArithmetic): string[] {
  return [
    'H_{\\text{out}}',
    '\\left\\lfloor \\frac{H + 2p - k}{s} \\right\\rfloor + 1',
    `\\left\\lfloor \\frac{${h} + 2 \\cdot ${p} - ${k}}{${s}} \\right\\rfloor + 1`,
    `${h2}`,
  ];
}

export function outputSizeTex(a: WindowArithmetic): string {
  return outputSizeSides(a).join(' = ');
}

/**
 * The same formula for a narrow column (projector type beside the feature maps): one "= …"
 * per line, aligned at the signs, so it keeps its size instead of shrinking.
 */
export function outputSizeStackedTex(a: WindowArithmetic): string {
  const [name, ...rest] = outputSizeSides(a);
  return `\\begin{aligned} ${name} ${rest.map((side) => `&= ${side}`).join(' \\\\ ')} \\end{aligned}`;
}

/** The residual block's claim: the layers learn g, the block computes f. */
export const RESIDUAL_TEX = 'f(\\mathbf{x}) = g(\\mathbf{x}) + \\mathbf{x}';

/** The addition of the notebook's forward, `Y += X`, at a block of ResNet-18. */
export const ADDITION_TEX = '\\mathbf{Y} = F(\\mathbf{X}) + \\mathbf{X}';

/** Batch normalisation of one channel: batch statistics μ_B, σ_B², then the learned γ and β. */
const BATCH_NORM_PARTS = [
  '\\hat{x} = \\frac{x - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}}',
  'y = \\gamma \\hat{x} + \\beta',
];
export const BATCH_NORM_TEX = BATCH_NORM_PARTS.join(', \\qquad ');
/** Batch normalisation for a narrow column: its two equations one above the other. */
export const BATCH_NORM_STACKED_TEX = `\\begin{gathered} ${BATCH_NORM_PARTS.join(', \\\\ ')} \\end{gathered}`;

/** Nested function classes, the figure's right panel. */
export function nestedTex(classes: number): string {
  return `\\mathcal{F}_1 \\subseteq \\mathcal{F}_2 \\subseteq \\cdots \\subseteq \\mathcal{F}_{${classes}}`;
}
