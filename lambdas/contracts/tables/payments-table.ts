import type { TableDefinition } from '../table-definition.js';

/**
 * Attribute names of the payments table. One item per saga, `pk = saga#<sagaId>`, `sk = step#ChargePayment`:
 * the charge record (`status` charged | declined | refunded | voided, `paymentId`, `amount`), created with
 * `attribute_not_exists(pk)` so a repeated charge returns (or re-throws) the recorded outcome; the refund
 * step moves it charged → refunded with a conditional update (`status = charged`), so it refunds once.
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
  chargedAt: 'chargedAt',
  updatedAt: 'updatedAt',
} as const;

export const paymentSagaKey = (sagaId: string): string => `saga#${sagaId}`;
export const PAYMENT_CHARGE_SORT_KEY = 'step#ChargePayment';

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
