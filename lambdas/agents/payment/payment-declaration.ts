import { ORDER_AGENT_TYPES } from '../../contracts/order/order-agent-types.js';
import { ORDER_TABLE_ACTIONS } from '../../contracts/order/order-table-actions.js';
import { agentFunctionTables } from '../../contracts/table-access.js';
import { PAYMENTS_TABLE } from '../../contracts/tables/payments-table.js';
import { declareAgent } from '../../runtime/agent-declaration.js';
import { paymentAgent } from './payment-agent.js';
import type { PaymentTasks } from './payment-tasks.js';

/**
 * The payment agent, declared once for its Lambda function, the stack and the in-process system: the saga's
 * ChargePayment / RefundPayment tasks on the payments table (read/write). No subscription.
 *
 * @example
 * ```ts
 * await registerAgent(runtime, PAYMENT_AGENT, { tasks: paymentTasks({ payments, gateway }) });
 * ```
 */
export const PAYMENT_AGENT = declareAgent({
  agentType: ORDER_AGENT_TYPES.payment,
  tables: [
    ...agentFunctionTables(ORDER_AGENT_TYPES.payment),
    { table: PAYMENTS_TABLE, actions: ORDER_TABLE_ACTIONS.payments },
  ],
  // Nothing publishes to its direct-message topics: an open "<type>:" rule would admit unchecked senders.
  skipDirectMessageSubscription: true,
  define: ({ tasks }: { readonly tasks: PaymentTasks }) => paymentAgent(tasks),
});
