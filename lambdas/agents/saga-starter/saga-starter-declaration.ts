import { ENV } from '../../contracts/env-names.js';
import { OrderRequested } from '../../contracts/order/order-messages.js';
import { SAGA_STARTER_AGENT_TYPE } from '../../contracts/order/order-saga-io.js';
import { fromProducer } from '../../contracts/senders.js';
import { STATE_MACHINES } from '../../contracts/state-machines.js';
import { agentFunctionTables } from '../../contracts/table-access.js';
import { TOPICS } from '../../contracts/topics.js';
import { declareAgent } from '../../runtime/agent-declaration.js';
import { TypeSubscription } from '../../runtime/type-subscription.js';
import type { ExecutionStarter } from './execution-starter-port.js';
import { type SagaStarterOptions, sagaStarterAgent } from './saga-starter-agent.js';

const FROM_CHECKOUT = { [OrderRequested.name]: fromProducer() };

/**
 * The saga starter, declared once for its Lambda function, the stack and the in-process system: enveloped
 * OrderRequested events on `order.requested/<orderId>`, and bare ones from outside services, whose
 * detail-type (`OrderRequested`) is their topic type, both only from the producer the deployment configures
 * for OrderRequested (by default the shop's checkout). Its per-order start records live in the agent-state
 * table (its own partition); it starts the order saga and nothing else: the saga publishes the order's
 * outcome itself.
 *
 * @example
 * ```ts
 * await registerAgent(runtime, SAGA_STARTER_AGENT, { starter, records: stateStore });
 * ```
 */
export const SAGA_STARTER_AGENT = declareAgent({
  agentType: SAGA_STARTER_AGENT_TYPE,
  subscriptions: [
    new TypeSubscription(TOPICS.orderRequested, SAGA_STARTER_AGENT_TYPE, { senders: FROM_CHECKOUT }),
    new TypeSubscription(OrderRequested.name, SAGA_STARTER_AGENT_TYPE, { senders: FROM_CHECKOUT }),
  ],
  tables: agentFunctionTables(SAGA_STARTER_AGENT_TYPE),
  stateMachines: [
    { machine: STATE_MACHINES.orderSaga.name, access: ['start'], arnEnvVar: ENV.sagaStateMachineArn },
  ],
  // Nothing publishes to its direct-message topics: an open "<type>:" rule would admit unchecked senders.
  skipDirectMessageSubscription: true,
  define: ({ starter, ...options }: SagaStarterOptions & { readonly starter: ExecutionStarter }) =>
    sagaStarterAgent(starter, options),
});
