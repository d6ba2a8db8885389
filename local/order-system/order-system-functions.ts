import type { InMemoryOrderSystem } from '../../lambdas/agents/in-memory-order-system.js';
import { INVENTORY_AGENT } from '../../lambdas/agents/inventory/inventory-declaration.js';
import { LIFECYCLE_AGENT } from '../../lambdas/agents/lifecycle/lifecycle-declaration.js';
import type { LifecycleTasks } from '../../lambdas/agents/lifecycle/lifecycle-tasks.js';
import { NOTIFICATION_AGENT } from '../../lambdas/agents/notification/notification-declaration.js';
import { ORDERS_AGENT } from '../../lambdas/agents/orders/orders-declaration.js';
import { PAYMENT_AGENT } from '../../lambdas/agents/payment/payment-declaration.js';
import type { ExecutionStarter } from '../../lambdas/agents/saga-starter/execution-starter-port.js';
import { SAGA_STARTER_AGENT } from '../../lambdas/agents/saga-starter/saga-starter-declaration.js';
import { USERS_AGENT } from '../../lambdas/agents/users/users-declaration.js';
import type { Logger } from '../../lambdas/contracts/logger.js';
import type { AgentStateStore } from '../../lambdas/stores/agent-state/agent-state-store.js';
import { type HostedFunction, hostedFunction } from './hosted-function.js';

/**
 * The order system's agent functions, one per declared agent as the CDK stack deploys them, each definition
 * built from its declaration on the given logic: users, inventory, payment, orders, notification (on the
 * in-memory stores), lifecycle (on its task tokens and callbacks) and the saga starter (on an execution
 * starter).
 *
 * @example
 * ```ts
 * for (const fn of orderSystemFunctions(deps)) {
 *   await registerAgent(runtime, { ...fn, define: () => fn.definition }, undefined);
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
  const logger = deps.logger === undefined ? {} : { logger: deps.logger };
  return [
    hostedFunction(USERS_AGENT, system.users),
    hostedFunction(INVENTORY_AGENT, { tasks: system.inventory }),
    hostedFunction(PAYMENT_AGENT, { tasks: system.payment }),
    hostedFunction(ORDERS_AGENT, { tasks: system.orders }),
    hostedFunction(NOTIFICATION_AGENT, { tasks: system.notification }),
    hostedFunction(LIFECYCLE_AGENT, { tasks: deps.lifecycle, ...logger }),
    hostedFunction(SAGA_STARTER_AGENT, { starter: deps.sagaStarter, records: deps.sagaStarts, ...logger }),
  ];
}
