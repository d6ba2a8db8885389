/**
 * The deepest nesting of objects and arrays an agent function accepts in its input (the whole Lambda event,
 * envelope included). The messages the library carries nest a handful of levels (event → detail → data →
 * lines → line); DynamoDB stores at most 32 levels in an item, so deeper state could not be saved anyway.
 * 64 leaves room for any real payload while keeping every recursive step (`JSON.stringify`, schema checks,
 * marshalling) thousands of frames away from the stack limit, which a 6,000-deep payload overflows.
 */
export const MAX_INPUT_DEPTH = 64;

/**
 * How deep objects and arrays nest in a value (a scalar is 0, `{}` is 1, `{"a":[]}` is 2), walked with an
 * explicit stack so that no depth can overflow it. Stops early once `limit` is exceeded and returns
 * `limit + 1`: the caller only needs to know that the value is too deep.
 *
 * @example
 * ```ts
 * nestingDepth({ a: [1, { b: 2 }] }, 64); // 3
 * ```
 */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  // Deepest level each object was reached at: a shared object is walked again only from a deeper path, so a
  // cycle ends at the limit and a DAG costs at most objects × limit steps.
  const reached = new Map<object, number>();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    const level = depth + 1;
    if ((reached.get(current) ?? 0) >= level) continue;
    reached.set(current, level);
    if (level > limit) return limit + 1;
    if (level > deepest) deepest = level;
    for (const child of Object.values(current)) pending.push([child, level]);
  }
  return deepest;
}
