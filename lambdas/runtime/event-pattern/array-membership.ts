/**
 * Which element of which array (by traversal id) a value sits in. Two values can be matched together
 * only if they agree on every array they share: a pattern cannot take one field from employees[0] and
 * another from employees[1] (AWS's "array-consistent" matching).
 */
export type ArrayMembership = ReadonlyMap<number, number>;

export const NO_MEMBERSHIP: ArrayMembership = new Map();

/**
 * The union of two memberships, or undefined when they disagree about an element of a shared array.
 *
 * @example
 * mergeMembership(new Map([[0, 1]]), new Map([[0, 2]])); // undefined
 */
export const mergeMembership = (
  left: ArrayMembership,
  right: ArrayMembership,
): ArrayMembership | undefined => {
  if (right.size === 0) return left;
  if (left.size === 0) return right;
  let merged: Map<number, number> | undefined;
  for (const [array, index] of right) {
    const existing = left.get(array);
    if (existing === undefined) {
      merged ??= new Map(left);
      merged.set(array, index);
    } else if (existing !== index) {
      return undefined;
    }
  }
  return merged ?? left;
};

/**
 * @example
 * withElement(NO_MEMBERSHIP, 3, 0); // Map { 3 => 0 }
 */
export const withElement = (membership: ArrayMembership, array: number, index: number): ArrayMembership => {
  const next = new Map(membership);
  next.set(array, index);
  return next;
};
