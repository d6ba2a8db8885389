import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoDbInventoryStore } from '../../../../lambdas/stores/inventory/dynamodb/dynamodb-inventory-store.js';
import { reservationItem } from '../../../../lambdas/stores/inventory/dynamodb/inventory-items.js';

const documentClient = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }),
);
const dynamo = mockClient(documentClient);
afterEach(() => dynamo.reset());

const store = () => new DynamoDbInventoryStore({ documentClient, tableName: 'inventory' });

/** A cancelled transaction whose reasons say nothing about which condition failed, if anything did. */
const cancelled = (reasons: { Code?: string }[] | undefined) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    ...(reasons === undefined ? {} : { CancellationReasons: reasons }),
  });

const REASONLESS: Array<[string, { Code?: string }[] | undefined]> = [
  ['no cancellation reasons', undefined],
  ['an empty list of reasons', []],
  ['only "None" reasons', [{ Code: 'None' }, { Code: 'None' }]],
];

describe('DynamoDbInventoryStore, a cancelled transaction that names no failed condition', () => {
  it.each(REASONLESS)(
    'reports a reservation with %s as unavailable, never as a shortage',
    async (_, reasons) => {
      dynamo.on(TransactWriteCommand).rejects(cancelled(reasons));
      const outcome = store().reserve({
        sagaId: 'saga-1',
        orderId: 'o-1',
        items: [{ sku: 'SKU-1', quantity: 1 }],
        at: '2026-12-01T10:00:00.000Z',
      });
      await expect(outcome).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        store: 'inventory',
        transient: true,
      });
    },
  );

  it.each(REASONLESS)(
    'reports a release with %s as unavailable, not as released by another',
    async (_, reasons) => {
      dynamo.on(GetCommand).resolves({
        Item: reservationItem({
          sagaId: 'saga-1',
          orderId: 'o-1',
          items: [{ sku: 'SKU-1', quantity: 1 }],
          status: 'reserved',
          reservedAt: '2026-12-01T10:00:00.000Z',
          updatedAt: '2026-12-01T10:00:00.000Z',
        }),
      });
      dynamo.on(TransactWriteCommand).rejects(cancelled(reasons));
      await expect(store().release('saga-1', '2026-12-01T10:05:00.000Z')).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        store: 'inventory',
        transient: true,
      });
    },
  );
});
