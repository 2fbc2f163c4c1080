/**
 * The trace command's flags, parsed with `node:util`'s `parseArgs`; every mistake is a
 * sentence that says what to type instead.
 */
import { parseArgs } from 'node:util';
import { archFromFlags, isBackendName, type ArchSpec, type BackendName } from '../model';

export interface TraceOptions {
  /** Set when --arch (or --preact) was given; else the weights say, or ResNet-18. */
  readonly arch?: ArchSpec;
  readonly shape?: readonly [number, number, number, number];
  readonly image?: string;
  readonly json: boolean;
  readonly weights?: string;
  readonly backend: BackendName;
  readonly seed: number;
}

export const USAGE =
  'usage: npm run -s trace -- [--arch resnet18|resnet34|resnet50|resnet101|resnet152] [--preact] ' +
  '[--shape N,C,H,W] [--image FILE.png] [--json] [--weights DIR] [--backend wasm|cpu] [--seed N]';

/** A mistake in the flags; the message ends with the usage line. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
  }
}

/** `--shape 1,1,96,50` as four positive integers. */
function parseShape(v: string): [number, number, number, number] {
  const parts = v.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 1)) {
    throw new UsageError(`--shape takes four positive integers N,C,H,W, got "${v}"`);
  }
  return parts as [number, number, number, number];
}

/** Parse the command line; `help` when the user asked for the usage. */
export function parseTraceArgs(argv: readonly string[]): TraceOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        arch: { type: 'string' },
        preact: { type: 'boolean', default: false },
        shape: { type: 'string' },
        image: { type: 'string' },
        json: { type: 'boolean', default: false },
        weights: { type: 'string' },
        backend: { type: 'string', default: 'wasm' },
        seed: { type: 'string', default: '0' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  if (values.help) return 'help';
  const given = values.arch !== undefined || values.preact;
  const arch = given ? archFromFlags(values.arch ?? 'resnet18', values.preact) : undefined;
  if (typeof arch === 'string') throw new UsageError(arch);
  if (!isBackendName(values.backend)) throw new UsageError(`unknown backend "${values.backend}" (wasm or cpu)`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed takes an integer, got "${values.seed}"`);
  const shape = values.shape === undefined ? undefined : parseShape(values.shape);
  if (shape && values.image && shape[1] !== 1) {
    throw new UsageError(
      `--shape with --image: the picture is read as 1 gray channel, so C must be 1, got ${shape[1]}`,
    );
  }
  return {
    ...(arch ? { arch } : {}),
    json: values.json,
    backend: values.backend,
    seed,
    ...(shape ? { shape } : {}),
    ...(values.image !== undefined ? { image: values.image } : {}),
    ...(values.weights !== undefined ? { weights: values.weights } : {}),
  };
}
