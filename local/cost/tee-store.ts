/** What a shadow store did differently from the store it follows. */
export interface TeeMismatch {
  readonly store: string;
  readonly method: string;
  readonly error: unknown;
}

/**
 * The `primary` store, with every method call repeated on `shadow` (the same method of the same port, with
 * the same arguments) once the primary's call has settled, before the caller resumes. The caller gets the
 * primary's answer; the shadow only measures (a DynamoDB adapter on DynamoDB Local, so the cost report sees
 * the items, conditions and reads the deployed adapter would send). A shadow call that fails where the
 * primary succeeded is recorded in `mismatches`. Methods the shadow lacks run on the primary only.
 *
 * @example
 * ```ts
 * const stock = teeStore('stock', new InMemoryInventoryStore(), dynamoDbStock, mismatches);
 * ```
 */
export function teeStore<T extends object>(
  name: string,
  primary: T,
  shadow: object,
  mismatches: TeeMismatch[],
): T {
  return new Proxy(primary, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      const mirror = Reflect.get(shadow, property) as unknown;
      if (typeof value !== 'function' || typeof mirror !== 'function') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (...args: unknown[]) => {
        let answer: unknown;
        let failure: { error: unknown } | undefined;
        try {
          answer = await value.apply(target, args);
        } catch (error) {
          failure = { error };
        }
        try {
          await mirror.apply(shadow, args);
        } catch (error) {
          if (failure === undefined) mismatches.push({ store: name, method: String(property), error });
        }
        if (failure !== undefined) throw failure.error;
        return answer;
      };
    },
  });
}
