/**
 * `charged` holds the money; `declined` never did; `refunded` gave it back; `voided` is a tombstone written
 * when a refund came before any charge, so a late charge of the same saga (a zombie attempt) cannot land.
 */
export type ChargeStatus = 'charged' | 'declined' | 'refunded' | 'voided';

/** The ChargePayment step record of one saga (its RefundPayment step updates the same record). */
export interface ChargeRecord {
  readonly sagaId: string;
  readonly orderId: string;
  readonly userId: string;
  /** Empty for `declined` and `voided`. */
  readonly paymentId: string;
  readonly amount: number;
  readonly status: ChargeStatus;
  /** `declined` only. */
  readonly declineReason?: string;
  readonly chargedAt: string;
  readonly updatedAt: string;
}

export type RefundOutcome =
  | { readonly kind: 'refunded'; readonly record: ChargeRecord }
  /** The charge was not `charged` (or does not exist): nothing changed. */
  | { readonly kind: 'unchanged'; readonly record: ChargeRecord | undefined };

/**
 * One charge record per saga. `recordCharge` is create-only, so two attempts of one charge step cannot both
 * record; `refund` moves charged → refunded in one conditional write. Adapters: in-memory and DynamoDB.
 */
export interface PaymentStorePort {
  /** Writes the record unless the saga has one; returns the stored record and whether this call wrote it. */
  recordCharge(record: ChargeRecord): Promise<{ readonly created: boolean; readonly record: ChargeRecord }>;
  charge(sagaId: string): Promise<ChargeRecord | undefined>;
  refund(sagaId: string, at: string): Promise<RefundOutcome>;
}
