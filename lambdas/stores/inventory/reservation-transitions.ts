import type { ReservationStatus } from './inventory-store-port.js';

/**
 * Whether a reservation may move to `to`: a held (`reserved`) reservation may be released or committed; a
 * `committed` one may still be released, which puts its goods back on the shelf (the order was cancelled
 * after inventory processing took them). Everything else is final: a second release, a commit after a
 * release, a tombstone or a rejected reserve change nothing.
 *
 * @example
 * ```ts
 * canChangeReservation('committed', 'released'); // true
 * canChangeReservation('released', 'committed'); // false
 * ```
 */
export function canChangeReservation(from: ReservationStatus, to: 'released' | 'committed'): boolean {
  return from === 'reserved' || (from === 'committed' && to === 'released');
}
