import { type ArrayMembership, mergeMembership, NO_MEMBERSHIP } from './array-membership.js';
import { fieldMatchesLeaf } from './field-matches-leaf.js';
import type { EventFields } from './flatten-event.js';
import type { NumericSemantics } from './numeric-semantics.js';
import type { FieldMatcher } from './value-matcher.js';

const isAbsent = (leaves: readonly { readonly membership: ArrayMembership }[], membership: ArrayMembership) =>
  leaves.every((leaf) => mergeMembership(membership, leaf.membership) === undefined);

function matchFrom(
  fields: readonly FieldMatcher[],
  position: number,
  event: EventFields,
  membership: ArrayMembership,
  numbers: NumericSemantics,
): boolean {
  const field = fields[position];
  if (field === undefined) return true;
  const leaves = event[field.id] ?? [];
  // Absence counts only among values compatible with the array elements already chosen.
  if (
    field.allowsAbsent &&
    isAbsent(leaves, membership) &&
    matchFrom(fields, position + 1, event, membership, numbers)
  ) {
    return true;
  }
  for (const leaf of leaves) {
    const merged = mergeMembership(membership, leaf.membership);
    if (
      merged !== undefined &&
      fieldMatchesLeaf(field, leaf, numbers) &&
      matchFrom(fields, position + 1, event, merged, numbers)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Whether one alternative matches: every field, in path order, is satisfied by a value (or by absence
 * for `exists: false`), all taken from the same element of any array they share.
 *
 * @example
 * matchAlternative(fields, flattenEvent(event, index), numericSemantics('documented'));
 */
export const matchAlternative = (
  fields: readonly FieldMatcher[],
  event: EventFields,
  numbers: NumericSemantics,
): boolean => matchFrom(fields, 0, event, NO_MEMBERSHIP, numbers);
