import type { TableDefinition } from '../table-definition.js';

/**
 * Attribute names of the payments table. One partition per saga, `pk = saga#<sagaId>`:
 * - `sk = step#ChargePayment`: the charge (`status` charged | declined | refunded, `paymentId`, `amount`);
 *   created with `attribute_not_exists(pk)`, so a repeated charge returns (or re-throws) the recorded outcome;
 * - `sk = step#RefundPayment`: the refund, written in one transaction with the charge's charged → refunded.
 * No TTL: payment records are financial records.
 */
export const PAYMENTS_ATTRIBUTES = {
  pk: 'pk',
  sk: 'sk',
  sagaId: 'sagaId',
  orderId: 'orderId',
  userId: 'userId',
  paymentId: 'paymentId',
  amount: 'amount',
  status: 'status',
  /** Declined charge: why (`card-declined`, `amount-over-limit`). */
  declineReason: 'declineReason',
  recordedAt: 'recordedAt',
} as const;

export const paymentSagaKey = (sagaId: string): string => `saga#${sagaId}`;
export const PAYMENT_STEP_SORT_KEYS = { charge: 'step#ChargePayment', refund: 'step#RefundPayment' } as const;

/**
 * The payment agent's table: one charge and at most one refund per saga.
 *
 * @example
 * ```ts
 * const tableName = process.env[PAYMENTS_TABLE.envVar] ?? PAYMENTS_TABLE.localName;
 * ```
 */
export const PAYMENTS_TABLE: TableDefinition = {
  id: 'Payments',
  envVar: 'AGENTBRIDGE_PAYMENTS_TABLE_NAME',
  localName: 'agentbridge-payments',
  partitionKey: { name: PAYMENTS_ATTRIBUTES.pk, type: 'S' },
  sortKey: { name: PAYMENTS_ATTRIBUTES.sk, type: 'S' },
};
