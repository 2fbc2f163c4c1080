/** Python's spelling of values in PyTorch's messages and in the lines a student types. */

/** A number as Python prints it (`3`, `3.5`, `-2`). */
export function pyNumber(v: number): string {
  return String(v);
}

/** A list as PyTorch prints sizes: `[4, 3, 6, 6]`. */
export function pyList(shape: readonly number[]): string {
  return `[${shape.map(pyNumber).join(', ')}]`;
}

/** A shape as the lab shows it: `(4, 3, 6, 6)`. */
export function pyTuple(shape: readonly number[]): string {
  return `(${shape.map(pyNumber).join(', ')})`;
}
