import { OrderRequested } from '../../contracts/order/order-messages.js';
import { type AgentDefinition, defineAgent } from '../../runtime/agent-definition.js';
import type { RuntimeLogger } from '../../runtime/runtime-logger.js';
import type { ExecutionStarter } from './execution-starter-port.js';
import { isExecutionAlreadyStartedError } from './saga-starter-error.js';

export interface SagaStarterOptions {
  /** Hears about duplicate deliveries (info-worthy, never an error). */
  readonly logger?: Pick<RuntimeLogger, 'warn'>;
}

/**
 * The saga starter: every OrderRequested starts the `order-saga` execution named after the order id, with
 * the OrderRequested payload as its input. The name makes the start idempotent: a redelivered (or repeated)
 * OrderRequested finds the execution there (`ExecutionAlreadyStartedError`, or Step Functions' idempotent
 * answer for the same running request) and succeeds quietly, so one order runs one saga. A throttled start
 * throws and the event is redelivered.
 *
 * @example
 * ```ts
 * const starter = new SfnExecutionStarter({ client: new SFNClient({}), stateMachineArn });
 * await runtime.register(SAGA_STARTER_AGENT_TYPE, sagaStarterAgent(starter));
 * for (const subscription of SAGA_STARTER_SUBSCRIPTIONS) await runtime.addSubscription(subscription);
 * ```
 */
export function sagaStarterAgent(
  starter: ExecutionStarter,
  options: SagaStarterOptions = {},
): AgentDefinition<undefined> {
  return defineAgent({
    description: 'Saga starter: starts the order saga (execution name = order id) on OrderRequested',
    handlers: (on) => [
      on.event(OrderRequested, async (order, ctx) => {
        try {
          await starter.start({ name: order.orderId, input: order });
        } catch (error) {
          if (!isExecutionAlreadyStartedError(error)) throw error;
          options.logger?.warn('The order saga of this order was started already: nothing to do', {
            orderId: order.orderId,
            messageId: ctx.messageId,
          });
        }
      }),
    ],
  });
}
