import { ENV } from '../../contracts/env-names.js';
import type { Logger } from '../../contracts/logger.js';
import { LIFECYCLE_TRIGGERS } from '../../contracts/order/lifecycle-messages.js';
import { LIFECYCLE_AGENT_TYPE } from '../../contracts/order/lifecycle-tasks.js';
import { ORDER_AGENT_TYPES } from '../../contracts/order/order-agent-types.js';
import { fromProducer } from '../../contracts/senders.js';
import { STATE_MACHINES } from '../../contracts/state-machines.js';
import { agentFunctionTables, TABLE_ACTIONS } from '../../contracts/table-access.js';
import { EVENT_STORE_TABLE } from '../../contracts/tables/event-store-table.js';
import { TASK_TOKEN_TABLE } from '../../contracts/tables/task-token-table.js';
import { TOPICS } from '../../contracts/topics.js';
import { declareAgent } from '../../runtime/agent-declaration.js';
import { TypeSubscription } from '../../runtime/type-subscription.js';
import { lifecycleAgent } from './lifecycle-agent.js';
import type { LifecycleTasks } from './lifecycle-tasks.js';
import { stateEntry } from './state-entry.js';

/** Each trigger only from the producer the deployment configures for it. */
const FROM_PRODUCERS = Object.fromEntries(LIFECYCLE_TRIGGERS.map((trigger) => [trigger, fromProducer()]));

/**
 * The lifecycle agent, declared once for its Lambda function, the stack and the in-process system.
 *
 * Subscriptions: enveloped triggers on `order.lifecycle/<orderId>`, and bare triggers from outside services,
 * whose detail-type is their topic type (a detail without `metadata` is accepted with generated metadata).
 * The handlers read the order id from the payload, so the agent key (the topic source) does not matter. Each
 * trigger is accepted only from the producer the deployment configures for it (the payment gateway's
 * PaymentCompleted, the carrier's DeliveryConfirmed, ...), enveloped or bare: a trigger from anyone else
 * matches no rule and is rejected by the Lambda adapter.
 *
 * Resources: task tokens (park, take, look up); the event store, read only (a trigger that finds no parked
 * token reads the order's recorded state to tell "not yet" from "never"); sends to orders (record the
 * transition), inventory (start processing at paid) and notification (the customer at shipped); publishes
 * OrderStateChanged and OrderTransitionRejected; answers the lifecycle machine's task tokens.
 *
 * @example
 * ```ts
 * await registerAgent(runtime, LIFECYCLE_AGENT, { tasks: lifecycleTasks({ tokens, callbacks }), logger });
 * ```
 */
export const LIFECYCLE_AGENT = declareAgent({
  agentType: LIFECYCLE_AGENT_TYPE,
  subscriptions: [
    new TypeSubscription(TOPICS.lifecycleTrigger, LIFECYCLE_AGENT_TYPE, { senders: FROM_PRODUCERS }),
    ...LIFECYCLE_TRIGGERS.map(
      (trigger) =>
        new TypeSubscription(trigger, LIFECYCLE_AGENT_TYPE, { senders: { [trigger]: fromProducer() } }),
    ),
  ],
  tables: [
    ...agentFunctionTables(LIFECYCLE_AGENT_TYPE),
    { table: TASK_TOKEN_TABLE, actions: TABLE_ACTIONS.taskTokens },
    { table: EVENT_STORE_TABLE, actions: TABLE_ACTIONS.eventStoreReads },
  ],
  sendsTo: [ORDER_AGENT_TYPES.orders, ORDER_AGENT_TYPES.inventory, ORDER_AGENT_TYPES.notification],
  publishes: true,
  stateMachines: [
    {
      machine: STATE_MACHINES.orderLifecycle.name,
      access: ['taskResponse'],
      arnEnvVar: ENV.lifecycleStateMachineArn,
    },
  ],
  // Nothing publishes to its direct-message topics: an open "<type>:" rule would admit unchecked senders.
  skipDirectMessageSubscription: true,
  define: ({ tasks, logger }: { readonly tasks: LifecycleTasks; readonly logger?: Logger }) =>
    lifecycleAgent(tasks, stateEntry(logger === undefined ? {} : { logger })),
});
