import type { NumericSemanticsName } from './event-pattern-options.js';

/**
 * Turns numbers into comparable keys. Equal keys compare equal; key order is number order. Keys of
 * pattern numbers and event numbers come from the same function so both sides round the same way.
 */
export interface NumericSemantics {
  readonly name: NumericSemanticsName;
  /** Key of an event number, or undefined when the number cannot take part in numeric matching. */
  eventKey(value: number): number | undefined;
  /** Key of a pattern number, or the reason it is refused. */
  patternKey(value: number): number | { readonly refused: string };
  /** Keys of the open ends of one-sided ranges (`<`, `>`, ...), both inclusive. */
  readonly lowestKey: number;
  readonly highestKey: number;
}

const FIVE_BILLION = 5e9;
const TEN_E_SIX = 1e6;

/*
 * AWS's matcher shifted by 5e9, scaled by 1e6 and truncated in double arithmetic (Java's `(long)` cast).
 * IEEE-754 doubles behave identically in JS, so Math.trunc over the same expression yields the same keys,
 * including the fuzz around the sixth decimal that comes from 5e9 + x losing low bits.
 */
const documentedKey = (value: number): number => Math.trunc(TEN_E_SIX * (FIVE_BILLION + value));

const inDocumentedRange = (value: number): boolean => value >= -FIVE_BILLION && value <= FIVE_BILLION;

const documented: NumericSemantics = {
  name: 'documented',
  eventKey: (value) => (inDocumentedRange(value) ? documentedKey(value) : undefined),
  patternKey: (value) =>
    inDocumentedRange(value)
      ? documentedKey(value)
      : { refused: 'Value must be between -5.0E9 and 5.0E9, inclusive' },
  lowestKey: documentedKey(-FIVE_BILLION),
  highestKey: documentedKey(FIVE_BILLION),
};

const float64: NumericSemantics = {
  name: 'float64',
  eventKey: (value) => value,
  patternKey: (value) => value,
  lowestKey: Number.NEGATIVE_INFINITY,
  highestKey: Number.POSITIVE_INFINITY,
};

/**
 * @example
 * numericSemantics('documented').eventKey(3.0e2) === numericSemantics('documented').eventKey(300); // true
 */
export const numericSemantics = (name: NumericSemanticsName): NumericSemantics =>
  name === 'float64' ? float64 : documented;
