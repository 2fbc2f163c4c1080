/**
 * Which class names the stepper shows. Every network of the chapter (ResNet-18, the deeper
 * variants, trained or untrained) classifies Fashion-MNIST's ten classes, so all of them show
 * the page's own translated names (src/i18n, `stepper.input.classNames`), whatever spelling a
 * weights file or the samples file carries. Only weights that name other classes keep their own.
 */

/** A name reduced to compare spellings: `T-shirt/top` and `t-shirt` are the same class. */
const key = (name: string) =>
  name
    .toLowerCase()
    .split('/')[0]
    ?.replace(/[^a-z]/g, '') ?? '';

const FASHION_MNIST = [
  'tshirt',
  'trouser',
  'pullover',
  'dress',
  'coat',
  'sandal',
  'shirt',
  'sneaker',
  'bag',
  'ankleboot',
];

/** Whether these are Fashion-MNIST's ten classes in its order, in any spelling. */
export function isFashionMnist(names: readonly string[]): boolean {
  return names.length === FASHION_MNIST.length && names.every((n, i) => key(n) === FASHION_MNIST[i]);
}

export interface OwnClassNames {
  readonly classNames?: readonly string[];
  readonly classNamesZh?: readonly string[];
}

/**
 * The name of class `i` in `language`: the page's translation (`translated`) for Fashion-MNIST,
 * or the names that other weights carry (their Chinese ones where they have them).
 */
export function classNameOf(
  i: number,
  own: OwnClassNames | undefined,
  language: string,
  translated: (i: number) => string,
): string {
  const names = own?.classNames;
  if (!names || isFashionMnist(names)) return translated(i);
  const zh = language === 'zh' ? own.classNamesZh : undefined;
  return zh?.[i] ?? names[i] ?? translated(i);
}
