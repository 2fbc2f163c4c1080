/**
 * Every colour the TypeScript draws with, said once. Drawers (src/viz) and components
 * (src/ui) take their colours from here; a test (palette.test.ts) fails when a hex colour
 * appears in any other .ts/.tsx file. The stylesheets keep their own custom properties,
 * with the same plain and residual colours (styles.css: --accent, --accent-2).
 */

export const PALETTE = {
  /** Plain (non-nested) networks and function classes: 5.2:1 on white, so it can be text. */
  plain: '#c2410c',
  /** Residual (nested) networks and function classes: 6.7:1 on white. */
  residual: '#1d4ed8',
  /** Text and dark marks. */
  ink: '#1d1f24',
  /** Secondary text (axis titles, notes), the target curve, the intact network: 6.4:1 on white. */
  muted: '#5b6070',
  /** Thin frames and reference lines that are not text. */
  line: '#888888',
  /** Bands and grid lines behind the data. */
  rule: '#dcd8cf',
  /** The background of figures, and hollow marks. */
  paper: '#ffffff',
  /** A box on the path to the current step (the current one is filled with `residual`). */
  highlight: '#eef2fd',
  /** The drawing pad's pen: black on white, like the pictures the network was trained on. */
  pen: '#000000',
} as const;

/** The two families' colours, by the name the race and the experiment give them. */
export const FAMILY_COLOURS = { plain: PALETTE.plain, residual: PALETTE.residual } as const;

/**
 * One colour per depth of each family, lightest (shallowest) to darkest (deepest); the
 * second of each is the family's colour.
 */
export const FAMILY_RAMPS = {
  plain: ['#f4a259', PALETTE.plain, '#a33a0b', '#6b2206'],
  residual: ['#74a9e8', PALETTE.residual, '#163a9e', '#0b1f5c'],
} as const;
