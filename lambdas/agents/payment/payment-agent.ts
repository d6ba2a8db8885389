import { ChargePayment, RefundPayment } from '../../contracts/order/saga-tasks.js';
import { type AgentDefinition, defineAgent } from '../../runtime/agent-definition.js';
import type { PaymentTasks } from './payment-tasks.js';

/**
 * The payment agent: the saga's ChargePayment and its compensation RefundPayment.
 *
 * @example
 * ```ts
 * await runtime.register('payment', paymentAgent(paymentTasks({ payments, gateway })));
 * ```
 */
export function paymentAgent(tasks: PaymentTasks): AgentDefinition<undefined> {
  return defineAgent({
    description: 'Payment: charge and refund per saga, with a documented decline rule',
    handlers: (on) => [
      on.rpc(ChargePayment, (input) => tasks.charge(input)),
      on.rpc(RefundPayment, (input) => tasks.refund(input)),
    ],
  });
}
