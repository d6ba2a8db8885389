import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OrderStoreDecorator } from '../../lambdas/agents/in-memory-order-system.js';
import type { TableDefinition } from '../../lambdas/contracts/table-definition.js';
import { EVENT_STORE_TABLE } from '../../lambdas/contracts/tables/event-store-table.js';
import { INVENTORY_TABLE } from '../../lambdas/contracts/tables/inventory-table.js';
import { NOTIFICATIONS_TABLE } from '../../lambdas/contracts/tables/notifications-table.js';
import { PAYMENTS_TABLE } from '../../lambdas/contracts/tables/payments-table.js';
import { TASK_TOKEN_TABLE } from '../../lambdas/contracts/tables/task-token-table.js';
import { USERS_TABLE } from '../../lambdas/contracts/tables/users-table.js';
import { DynamoDbEventStoreAdapter } from '../../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { DynamoDbInventoryStore } from '../../lambdas/stores/inventory/dynamodb/dynamodb-inventory-store.js';
import { DynamoDbRecordingSender } from '../../lambdas/stores/notifications/dynamodb/dynamodb-recording-sender.js';
import { DynamoDbPaymentStore } from '../../lambdas/stores/payments/dynamodb/dynamodb-payment-store.js';
import { DynamoDbTaskTokenStore } from '../../lambdas/stores/task-tokens/dynamodb/dynamodb-task-token-store.js';
import { DynamoDbUserClaims } from '../../lambdas/stores/users/dynamodb/dynamodb-user-claims.js';
import { DynamoDbUserReadModel } from '../../lambdas/stores/users/dynamodb/dynamodb-user-read-model.js';
import { type TeeMismatch, teeStore } from './tee-store.js';

/** The DynamoDB adapter of each order-system store, on its table (by `localName`, as DynamoDB Local has them). */
function shadowOf(name: Parameters<OrderStoreDecorator>[0], documentClient: DynamoDBDocumentClient): object {
  const on = (table: TableDefinition) => ({ documentClient, tableName: table.localName });
  switch (name) {
    case 'events':
      return new DynamoDbEventStoreAdapter(on(EVENT_STORE_TABLE));
    case 'stock':
      return new DynamoDbInventoryStore(on(INVENTORY_TABLE));
    case 'payments':
      return new DynamoDbPaymentStore(on(PAYMENTS_TABLE));
    case 'claims':
      return new DynamoDbUserClaims(on(USERS_TABLE));
    case 'readModel':
      return new DynamoDbUserReadModel(on(USERS_TABLE));
    case 'sender':
      return new DynamoDbRecordingSender(on(NOTIFICATIONS_TABLE));
    case 'tokens':
      return new DynamoDbTaskTokenStore(on(TASK_TOKEN_TABLE));
  }
}

/**
 * A store decorator for `startLocalOrderSystem` that follows every in-memory store with the DynamoDB adapter
 * the deployed function uses for it (see {@link teeStore}), so each store call of a run is also sent to
 * DynamoDB Local, where a {@link CapacityMeter} on the client measures it.
 *
 * @example
 * ```ts
 * const local = await startLocalOrderSystem({ decorateStore: dynamoDbShadowStores(documentClient, mismatches) });
 * ```
 */
export function dynamoDbShadowStores(
  documentClient: DynamoDBDocumentClient,
  mismatches: TeeMismatch[],
): OrderStoreDecorator {
  return (name, store) => teeStore(name, store, shadowOf(name, documentClient), mismatches);
}
