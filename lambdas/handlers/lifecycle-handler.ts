import { SFNClient } from '@aws-sdk/client-sfn';
import { LIFECYCLE_AGENT } from '../agents/lifecycle/lifecycle-declaration.js';
import { lifecycleTasks } from '../agents/lifecycle/lifecycle-tasks.js';
import { recordedOrderStates } from '../agents/lifecycle/recorded-order-states.js';
import { SfnTaskCallbacks } from '../agents/lifecycle/sfn-task-callbacks.js';
import { orderTasks } from '../agents/orders/order-tasks.js';
import { EVENT_STORE_TABLE } from '../contracts/tables/event-store-table.js';
import { TASK_TOKEN_TABLE } from '../contracts/tables/task-token-table.js';
import { agentHandler } from '../runtime/lambda/agent-handler.js';
import { DynamoDbEventStoreAdapter } from '../stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { EventStore } from '../stores/event-store/event-store.js';
import { DynamoDbTaskTokenStore } from '../stores/task-tokens/dynamodb/dynamodb-task-token-store.js';
import { agentFunctionWiring } from './agent-function-wiring.js';

/**
 * The lifecycle agent's Lambda function: the order lifecycle's "await trigger" task (enters the wait's state —
 * sends to the orders, inventory and notification functions, publishes OrderStateChanged — then parks the
 * `.waitForTaskToken` token), the final "enter state" task, and the trigger events (PaymentCompleted, ProcessingStarted, ShippingConfirmed,
 * DeliveryConfirmed, OrderCancelled) that resume the waiting execution with SendTaskSuccess. Tables: task
 * tokens (waits, recorded triggers, claims: put, conditional put and delete, query); event store (query: the
 * order's recorded state, read when a new trigger finds no wait, to record one that came between two waits,
 * and its charge, which every new PaymentCompleted must match). Step Functions: SendTaskSuccess/Failure/Heartbeat.
 * Lambda: invoke orders, inventory, notification. EventBridge: PutEvents (OrderStateChanged, OrderTransitionRejected).
 */
const wiring = agentFunctionWiring(LIFECYCLE_AGENT.agentType);
const tokens = new DynamoDbTaskTokenStore({
  documentClient: wiring.documentClient,
  tableName: wiring.tableName(TASK_TOKEN_TABLE),
});
// Read only: the order's stream tells whether a trigger with no parked token is early or never valid, and
// holds the charge a PaymentCompleted is checked against.
const orders = recordedOrderStates(
  orderTasks({
    events: new EventStore({
      adapter: new DynamoDbEventStoreAdapter({
        documentClient: wiring.documentClient,
        tableName: wiring.tableName(EVENT_STORE_TABLE),
      }),
    }),
  }),
);
const logger = wiring.runtimeLogger;
const callbacks = new SfnTaskCallbacks(wiring.deps.tracer.captureAWSv3Client(new SFNClient({})));

export const handler = agentHandler(
  LIFECYCLE_AGENT,
  { tasks: lifecycleTasks({ tokens, callbacks, orders, logger }), logger },
  wiring.deps,
);
