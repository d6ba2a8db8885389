import { createHash } from 'node:crypto';

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

/**
 * {@link constructIdOf} plus six hex digits of the name's SHA-256, for names that differ only in separators
 * or case: `type:order.requested->saga-starter` and `type:OrderRequested->saga-starter` both read
 * `TypeOrderRequestedSagaStarter`, and the suffix keeps their rules apart. Still stable per name.
 *
 * @example
 * ```ts
 * distinctConstructIdOf('type:OrderRequested->saga-starter'); // 'TypeOrderRequestedSagaStarter' + 6 hex digits
 * ```
 */
export const distinctConstructIdOf = (name: string): string =>
  `${constructIdOf(name)}${createHash('sha256').update(name).digest('hex').slice(0, 6)}`;
