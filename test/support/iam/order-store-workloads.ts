import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { INVENTORY_TABLE } from '../../../lambdas/contracts/tables/inventory-table.js';
import { NOTIFICATIONS_TABLE } from '../../../lambdas/contracts/tables/notifications-table.js';
import { PAYMENTS_TABLE } from '../../../lambdas/contracts/tables/payments-table.js';
import { DynamoDbInventoryStore } from '../../../lambdas/stores/inventory/dynamodb/dynamodb-inventory-store.js';
import { DynamoDbRecordingSender } from '../../../lambdas/stores/notifications/dynamodb/dynamodb-recording-sender.js';
import { DynamoDbPaymentStore } from '../../../lambdas/stores/payments/dynamodb/dynamodb-payment-store.js';
import type { TableWorkload } from './table-workload.js';

const AT = '2026-01-01T00:00:00.000Z';
const sagaId = (): string => `saga-${randomUUID()}`;
const sku = (): string => `SKU-${randomUUID().slice(0, 8).toUpperCase()}`;

/** The inventory agent: stock, check records, reservations (won, repeated, short), release and commit. */
export const inventoryWorkload: TableWorkload = async ({ documentClient }) => {
  const store = new DynamoDbInventoryStore({ documentClient, tableName: INVENTORY_TABLE.localName });
  const [a, b] = [sku(), sku()];
  await store.restock(a, 5);
  await store.restock(b, 1);
  expect(await store.stockLevels([a, b, sku()])).toHaveLength(3);
  const check = { sagaId: sagaId(), orderId: 'o-1', lines: [], checkedAt: AT };
  expect(await store.recordCheck(check)).toEqual(check);
  expect(await store.recordCheck({ ...check, checkedAt: 'later' })).toEqual(check);
  const [kept, committed] = [sagaId(), sagaId()];
  const reserve = (saga: string, quantity: number) =>
    store.reserve({ sagaId: saga, orderId: 'o-1', items: [{ sku: a, quantity }], at: AT });
  expect((await reserve(kept, 2)).kind).toBe('reserved');
  expect((await reserve(kept, 2)).kind).toBe('existing');
  expect((await reserve(sagaId(), 99)).kind).toBe('short');
  expect((await reserve(committed, 1)).kind).toBe('reserved');
  const tombstone = { sagaId: sagaId(), orderId: 'o-1', items: [], status: 'released' as const };
  await store.recordIfAbsent({ ...tombstone, reservedAt: AT, updatedAt: AT });
  await store.recordIfAbsent({ ...tombstone, reservedAt: AT, updatedAt: 'later' });
  expect((await store.release(kept, AT)).kind).toBe('changed');
  expect((await store.release(kept, AT)).kind).toBe('unchanged');
  expect((await store.commit(committed, AT)).kind).toBe('changed');
  // A committed reservation released: the stock goes back on the shelf.
  expect((await store.release(committed, AT)).kind).toBe('changed');
  expect(await store.reservation(sagaId())).toBeUndefined();
};

/** The payment agent: one charge record per saga (and its repeat), a refund (and its repeat), reads. */
export const paymentsWorkload: TableWorkload = async ({ documentClient }) => {
  const store = new DynamoDbPaymentStore({ documentClient, tableName: PAYMENTS_TABLE.localName });
  const record = {
    sagaId: sagaId(),
    orderId: 'o-1',
    userId: 'u-1',
    paymentId: 'pay_1',
    amount: 2_500,
    status: 'charged' as const,
    chargedAt: AT,
    updatedAt: AT,
  };
  expect(await store.recordCharge(record)).toEqual({ created: true, record });
  expect((await store.recordCharge({ ...record, amount: 1 })).created).toBe(false);
  expect(await store.charge(record.sagaId)).toEqual(record);
  expect(await store.charge(sagaId())).toBeUndefined();
  expect((await store.refund(record.sagaId, AT)).kind).toBe('refunded');
  expect((await store.refund(record.sagaId, AT)).kind).toBe('unchanged');
};

/** The notification agent: record a notification once (and its repeat), list by recipient and by order. */
export const notificationsWorkload: TableWorkload = async ({ documentClient }) => {
  const sender = new DynamoDbRecordingSender({ documentClient, tableName: NOTIFICATIONS_TABLE.localName });
  const notification = {
    id: `o-${randomUUID()}:shipped:email`,
    channel: 'email' as const,
    recipient: `${randomUUID()}@example.com`,
    orderId: `o-${randomUUID()}`,
    kind: 'order-shipped',
    body: 'Tracking number: 1Z999',
    sentAt: AT,
  };
  expect((await sender.send(notification)).created).toBe(true);
  expect((await sender.send({ ...notification, body: 'again' })).created).toBe(false);
  await sender.listByRecipient(notification.recipient, 10);
  await sender.listByOrder(notification.orderId, 10);
};
