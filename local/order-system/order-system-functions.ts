import type { InMemoryOrderSystem } from '../../lambdas/agents/in-memory-order-system.js';
import { inventoryAgent } from '../../lambdas/agents/inventory/inventory-agent.js';
import { lifecycleAgent } from '../../lambdas/agents/lifecycle/lifecycle-agent.js';
import { LIFECYCLE_SUBSCRIPTIONS } from '../../lambdas/agents/lifecycle/lifecycle-subscriptions.js';
import type { LifecycleTasks } from '../../lambdas/agents/lifecycle/lifecycle-tasks.js';
import { stateEntry } from '../../lambdas/agents/lifecycle/state-entry.js';
import { notificationAgent } from '../../lambdas/agents/notification/notification-agent.js';
import { ordersAgent } from '../../lambdas/agents/orders/orders-agent.js';
import { paymentAgent } from '../../lambdas/agents/payment/payment-agent.js';
import type { ExecutionStarter } from '../../lambdas/agents/saga-starter/execution-starter-port.js';
import { sagaStarterAgent } from '../../lambdas/agents/saga-starter/saga-starter-agent.js';
import { SAGA_STARTER_SUBSCRIPTIONS } from '../../lambdas/agents/saga-starter/saga-starter-subscriptions.js';
import { usersAgent } from '../../lambdas/agents/users/users-agent.js';
import { USERS_SUBSCRIPTIONS } from '../../lambdas/agents/users/users-subscriptions.js';
import type { Logger } from '../../lambdas/contracts/logger.js';
import { LIFECYCLE_AGENT_TYPE } from '../../lambdas/contracts/order/lifecycle-tasks.js';
import { ORDER_AGENT_TYPES } from '../../lambdas/contracts/order/order-agent-types.js';
import { SAGA_STARTER_AGENT_TYPE } from '../../lambdas/contracts/order/order-saga-io.js';
import type { AgentStateStore } from '../../lambdas/stores/agent-state/agent-state-store.js';
import type { HostedFunction } from './hosted-function.js';

/**
 * The order system's agent functions, one per agent type as the CDK stack deploys them, built on the given
 * logic: users, inventory, payment, orders, notification (on the in-memory stores), lifecycle (on its task
 * tokens and callbacks) and the saga starter (on an execution starter).
 *
 * @example
 * ```ts
 * for (const { agentType, definition, subscriptions } of orderSystemFunctions(deps)) {
 *   await runtime.register(agentType, definition);
 *   for (const subscription of subscriptions) await runtime.addSubscription(subscription);
 * }
 * ```
 */
export function orderSystemFunctions(deps: {
  readonly system: InMemoryOrderSystem;
  readonly lifecycle: LifecycleTasks;
  readonly sagaStarter: ExecutionStarter;
  /** The saga starter's per-order records (one saga per order). */
  readonly sagaStarts: AgentStateStore;
  readonly logger?: Logger;
}): HostedFunction[] {
  const { system } = deps;
  return [
    {
      agentType: ORDER_AGENT_TYPES.users,
      definition: usersAgent(system.users),
      subscriptions: USERS_SUBSCRIPTIONS,
    },
    {
      agentType: ORDER_AGENT_TYPES.inventory,
      definition: inventoryAgent(system.inventory),
      subscriptions: [],
    },
    { agentType: ORDER_AGENT_TYPES.payment, definition: paymentAgent(system.payment), subscriptions: [] },
    { agentType: ORDER_AGENT_TYPES.orders, definition: ordersAgent(system.orders), subscriptions: [] },
    {
      agentType: ORDER_AGENT_TYPES.notification,
      definition: notificationAgent(system.notification),
      subscriptions: [],
    },
    {
      agentType: LIFECYCLE_AGENT_TYPE,
      definition: lifecycleAgent(
        deps.lifecycle,
        stateEntry(deps.logger === undefined ? {} : { logger: deps.logger }),
      ),
      subscriptions: LIFECYCLE_SUBSCRIPTIONS,
    },
    {
      agentType: SAGA_STARTER_AGENT_TYPE,
      definition: sagaStarterAgent(deps.sagaStarter, {
        records: deps.sagaStarts,
        ...(deps.logger === undefined ? {} : { logger: deps.logger }),
      }),
      subscriptions: SAGA_STARTER_SUBSCRIPTIONS,
    },
  ];
}
