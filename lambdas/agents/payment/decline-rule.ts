import type { DeclineReason } from './payment-error.js';

/** The card token that always declines. */
export const DECLINING_CARD_TOKEN = 'tok_decline';
/** The largest charge that is approved, in minor units (10,000.00 in a two-decimal currency). */
export const MAX_CHARGE_MINOR_UNITS = 1_000_000;

/**
 * The documented, deterministic decline rule of the simulated payment gateway, so tests and demos can force
 * a failed payment: a charge declines when the card token is `tok_decline` (`card-declined`), or when the
 * amount exceeds 1,000,000 minor units (`amount-over-limit`). Every other charge is approved.
 *
 * @example
 * ```ts
 * declineReason('tok_decline', 100); // 'card-declined'
 * declineReason('tok_visa', 1_000_001); // 'amount-over-limit'
 * declineReason('tok_visa', 1_000_000); // undefined (approved)
 * ```
 */
export function declineReason(cardToken: string, amount: number): DeclineReason | undefined {
  if (cardToken === DECLINING_CARD_TOKEN) return 'card-declined';
  if (amount > MAX_CHARGE_MINOR_UNITS) return 'amount-over-limit';
  return undefined;
}
