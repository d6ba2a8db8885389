import { randomUUID } from 'node:crypto';
import { orderTasks } from '../../../lambdas/agents/orders/order-tasks.js';
import { EVENT_STORE_TABLE } from '../../../lambdas/contracts/tables/event-store-table.js';
import { DynamoDbEventStoreAdapter } from '../../../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { EventStore } from '../../../lambdas/stores/event-store/event-store.js';
import { testDynamoClients } from '../dynamodb.js';

/** A charge as the saga made it: what the order's PaymentCompleted must report. */
export interface TestCharge {
  readonly paymentId: string;
  readonly amount: number;
}

/**
 * Records an order on DynamoDB Local as the saga's CreateOrder step does (OrderCreated on `order-<orderId>` in
 * the event store table, with the charge), so a deployed lifecycle handler reads it as on AWS.
 *
 * @example
 * ```ts
 * const charge = await createdOrderOnDynamoDb('o-1'); // { paymentId: 'pay_…', amount: 2500 }
 * ```
 */
export async function createdOrderOnDynamoDb(
  orderId: string,
  charge: TestCharge = { paymentId: `pay_${randomUUID()}`, amount: 2_500 },
): Promise<TestCharge> {
  const { documentClient } = testDynamoClients();
  const orders = orderTasks({
    events: new EventStore({
      adapter: new DynamoDbEventStoreAdapter({ documentClient, tableName: EVENT_STORE_TABLE.localName }),
    }),
  });
  await orders.create({
    sagaId: `saga-${orderId}`,
    orderId,
    userId: 'u-ada',
    items: [{ sku: 'SKU-1', quantity: 5, unitPrice: 500 }],
    amount: charge.amount,
    paymentId: charge.paymentId,
  });
  return charge;
}
