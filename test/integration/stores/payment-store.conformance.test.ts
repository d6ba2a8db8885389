import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PAYMENTS_TABLE } from '../../../lambdas/contracts/tables/payments-table.js';
import { DynamoDbPaymentStore } from '../../../lambdas/stores/payments/dynamodb/dynamodb-payment-store.js';
import { InMemoryPaymentStore } from '../../../lambdas/stores/payments/in-memory/in-memory-payment-store.js';
import type { ChargeRecord, PaymentStorePort } from '../../../lambdas/stores/payments/payment-store-port.js';
import { testDynamoClients } from '../../support/dynamodb.js';

const adapters: ReadonlyArray<readonly [string, () => PaymentStorePort]> = [
  ['in-memory', () => new InMemoryPaymentStore()],
  [
    'DynamoDB',
    () =>
      new DynamoDbPaymentStore({
        documentClient: testDynamoClients().documentClient,
        tableName: PAYMENTS_TABLE.localName,
      }),
  ],
];

const AT = '2026-01-01T00:00:00.000Z';
/** A random saga id per test keeps parallel test files apart on the shared table. */
const charged = (overrides: Partial<ChargeRecord> = {}): ChargeRecord => ({
  sagaId: `saga-${randomUUID()}`,
  orderId: 'o-1',
  userId: 'u-1',
  paymentId: 'pay_1',
  amount: 2_500,
  status: 'charged',
  chargedAt: AT,
  updatedAt: AT,
  ...overrides,
});

describe.each(adapters)('PaymentStore conformance: %s', (_name, makeStore) => {
  const store = makeStore();

  it('has no charge for a saga never charged', async () => {
    expect(await store.charge(`saga-${randomUUID()}`)).toBeUndefined();
  });

  it('records a charge once; a second record returns the first', async () => {
    const record = charged();
    expect(await store.recordCharge(record)).toEqual({ created: true, record });
    const second = await store.recordCharge({ ...record, paymentId: 'pay_2', amount: 1 });
    expect(second).toEqual({ created: false, record });
    expect(await store.charge(record.sagaId)).toEqual(record);
  });

  it('keeps a declined charge with its reason, and a voided tombstone with empty ids', async () => {
    const declined = charged({ status: 'declined', paymentId: '', declineReason: 'card-declined' });
    await store.recordCharge(declined);
    expect(await store.charge(declined.sagaId)).toEqual(declined);
    const voided = charged({ status: 'voided', paymentId: '', userId: '', amount: 0 });
    await store.recordCharge(voided);
    expect(await store.charge(voided.sagaId)).toEqual(voided);
  });

  it('refunds a charge exactly once under concurrent refunds', async () => {
    const record = charged();
    await store.recordCharge(record);
    const outcomes = await Promise.all([store.refund(record.sagaId, AT), store.refund(record.sagaId, AT)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['refunded', 'unchanged']);
    expect((await store.charge(record.sagaId))?.status).toBe('refunded');
  });

  it('refunds nothing that is not charged', async () => {
    const declined = charged({ status: 'declined', paymentId: '', declineReason: 'amount-over-limit' });
    await store.recordCharge(declined);
    expect(await store.refund(declined.sagaId, AT)).toEqual({ kind: 'unchanged', record: declined });
    expect(await store.refund(`saga-${randomUUID()}`, AT)).toEqual({ kind: 'unchanged', record: undefined });
  });
});
