/**
 * A construct id from a name with separators: `type:order.requested->saga` → `TypeOrderRequestedSaga`,
 * `order-saga` → `OrderSaga`. Stable for a given name, so logical ids survive redeployments.
 *
 * @example
 * ```ts
 * constructIdOf('order-lifecycle'); // 'OrderLifecycle'
 * ```
 */
export const constructIdOf = (name: string): string =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
