/**
 * How numbers compare.
 * - `documented` (default): EventBridge's documented limits — values between -5.0e9 and +5.0e9 inclusive,
 *   compared to six digits right of the decimal point (the arithmetic of AWS's matcher before 2024:
 *   `trunc(1e6 * (5e9 + x))`). Pattern numbers outside the range are refused; event numbers outside it
 *   never satisfy `numeric` (a number literal outside it still matches the same number exactly).
 * - `float64`: aws/event-ruler 1.8+, which compares full IEEE-754 doubles with no range limit.
 */
export type NumericSemanticsName = 'documented' | 'float64';

/** Options for compiling and matching event patterns. */
export interface EventPatternOptions {
  /** Number semantics; see {@link NumericSemanticsName}. Default `documented`. */
  readonly numbers?: NumericSemanticsName;
  /**
   * Longest pattern accepted, in characters of its JSON text. EventBridge's quota is 2048 by default and
   * can be raised to 4096. Default 2048.
   */
  readonly maxPatternLength?: number;
  /**
   * Most alternatives a pattern may expand into through `$or` (nested `$or` multiply). A local guard so a
   * short pattern cannot exhaust memory; AWS refuses such patterns as "too complex". Default 1000.
   */
  readonly maxAlternatives?: number;
}

/** {@link EventPatternOptions} with every default filled in. */
export interface ResolvedEventPatternOptions {
  readonly numbers: NumericSemanticsName;
  readonly maxPatternLength: number;
  readonly maxAlternatives: number;
}

export const DEFAULT_MAX_PATTERN_LENGTH = 2048;
export const DEFAULT_MAX_ALTERNATIVES = 1000;

/**
 * @example
 * resolveEventPatternOptions({ numbers: 'float64' }).maxPatternLength; // 2048
 */
export const resolveEventPatternOptions = (
  options: EventPatternOptions = {},
): ResolvedEventPatternOptions => ({
  numbers: options.numbers ?? 'documented',
  maxPatternLength: options.maxPatternLength ?? DEFAULT_MAX_PATTERN_LENGTH,
  maxAlternatives: options.maxAlternatives ?? DEFAULT_MAX_ALTERNATIVES,
});
