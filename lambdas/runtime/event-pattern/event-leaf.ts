import type { ArrayMembership } from './array-membership.js';

/**
 * A scalar found in an event at a dotted path, with the array elements it sits in. Objects and arrays
 * are structure, never values: an empty array or object contributes nothing (the field is absent).
 */
export type EventLeaf =
  | { readonly kind: 'string'; readonly text: string; readonly membership: ArrayMembership }
  | {
      readonly kind: 'number';
      readonly text: string;
      readonly value: number;
      readonly membership: ArrayMembership;
    }
  | {
      readonly kind: 'literal';
      readonly text: 'true' | 'false' | 'null';
      readonly membership: ArrayMembership;
    };
