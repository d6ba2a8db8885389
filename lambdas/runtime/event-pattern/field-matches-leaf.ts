import type { EventLeaf } from './event-leaf.js';
import { ipToHex } from './ip-address.js';
import type { NumericSemantics } from './numeric-semantics.js';
import type { FieldMatcher, ValueMatcher } from './value-matcher.js';

/** The views of one event value a field's matchers can see, after the field's conversions. */
interface LeafView {
  /** The string, when the value is a string still seen as a string. */
  readonly text: string | undefined;
  /** The JSON text of a number/boolean/null still seen as such. */
  readonly literal: string | undefined;
  /** The comparable key, when the value is a number compared as a number. */
  readonly key: number | undefined;
  /** Hex text the IP matchers walk: an address, or the raw text of a number not compared as a number. */
  readonly hex: string | undefined;
}

const viewOf = (field: FieldMatcher, leaf: EventLeaf, numbers: NumericSemantics): LeafView => {
  if (leaf.kind === 'number') {
    const key = field.convertsNumbers ? numbers.eventKey(leaf.value) : undefined;
    return key === undefined
      ? { text: undefined, literal: leaf.text, key: undefined, hex: leaf.text }
      : { text: undefined, literal: undefined, key, hex: undefined };
  }
  if (leaf.kind === 'literal') return { text: undefined, literal: leaf.text, key: undefined, hex: undefined };
  const address = !field.convertsNumbers && field.convertsIps ? ipToHex(leaf.text) : undefined;
  return address === undefined
    ? { text: leaf.text, literal: undefined, key: undefined, hex: undefined }
    : { text: undefined, literal: undefined, key: undefined, hex: address };
};

const accepts = (matcher: ValueMatcher, view: LeafView): boolean => {
  switch (matcher.kind) {
    case 'exists':
      return true;
    case 'absent':
      return false;
    case 'string':
      return view.text !== undefined && matcher.test(view.text);
    case 'literal':
      return view.literal === matcher.text;
    case 'numeric':
      return view.key !== undefined && matcher.test(view.key);
    case 'ip':
      return view.hex !== undefined && matcher.test(view.hex);
    case 'not-string':
      return view.text === undefined || !matcher.excludes(view.text);
    case 'not-numeric':
      return view.key === undefined || !matcher.keys.has(view.key);
  }
};

/**
 * Whether one event value satisfies any element of a field's value list.
 *
 * @example
 * fieldMatchesLeaf(field, { kind: 'string', text: 'running', membership: NO_MEMBERSHIP }, numbers);
 */
export const fieldMatchesLeaf = (
  field: FieldMatcher,
  leaf: EventLeaf,
  numbers: NumericSemantics,
): boolean => {
  const view = viewOf(field, leaf, numbers);
  return field.matchers.some((matcher) => accepts(matcher, view));
};
