/**
 * The text a number is compared by when it is matched literally rather than numerically (numbers outside
 * the numeric range). Parsed JSON keeps no lexeme, so both pattern and event use JavaScript's shortest
 * round-trip form; infinities (from JSON such as 1e999) keep a name so they never collide with null.
 *
 * @example
 * numberText(3.0e2); // '300'
 */
export const numberText = (value: number): string =>
  Number.isFinite(value) ? JSON.stringify(value) : String(value);
