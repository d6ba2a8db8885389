import { EnterOrderState } from '../../contracts/order/lifecycle-entry.js';
import {
  DeliveryConfirmed,
  OrderCancelled,
  OrderTransitionRejected,
  PaymentCompleted,
  ProcessingStarted,
  ShippingConfirmed,
} from '../../contracts/order/lifecycle-messages.js';
import { AwaitLifecycleTrigger } from '../../contracts/order/lifecycle-tasks.js';
import { TOPICS } from '../../contracts/topics.js';
import { type AgentDefinition, defineAgent } from '../../runtime/agent-definition.js';
import type { MessageContext } from '../../runtime/message-context.js';
import { TopicId } from '../../runtime/topic-id.js';
import { isTransitionRejectedError } from './lifecycle-error.js';
import type { LifecycleTasks, TriggerEvent } from './lifecycle-tasks.js';
import { type EnterState, stateEntry } from './state-entry.js';

/**
 * The lifecycle agent: the order lifecycle state machine's "await trigger" task (an rpc: Step Functions
 * `lambda:invoke.waitForTaskToken`), which first enters the wait's state ({@link stateEntry}: record, publish,
 * post-transition action) and then parks the wait; the final "enter state" task (`delivered`); and the
 * trigger events that resume a wait. A trigger the order is not
 * waiting for is rejected: nothing changes, and OrderTransitionRejected goes out on
 * `order.transition-rejected/<orderId>` naming the trigger, the state and why. The rejection is the answer,
 * not a failure, so the event is not retried. A trigger that came between two waits (the next one will take
 * it), and store or Step Functions outages, are thrown as `TransientError` and redelivered.
 *
 * @example
 * ```ts
 * await runtime.register('lifecycle', lifecycleAgent(lifecycleTasks({ tokens, callbacks })));
 * // or, with its subscriptions: registerAgent(runtime, LIFECYCLE_AGENT, { tasks })
 * ```
 */
export function lifecycleAgent(
  tasks: LifecycleTasks,
  enter: EnterState = stateEntry(),
): AgentDefinition<undefined> {
  const onTrigger =
    (trigger: TriggerEvent['trigger']) =>
    async (
      data: { orderId: string } & Record<string, unknown>,
      ctx: MessageContext<undefined>,
    ): Promise<void> => {
      try {
        await tasks.applyTrigger({ trigger, orderId: data.orderId, eventId: ctx.messageId, data });
      } catch (error) {
        if (!isTransitionRejectedError(error)) throw error;
        await ctx.publish(
          OrderTransitionRejected,
          { orderId: error.orderId, trigger: error.trigger, state: error.state, reason: error.message },
          new TopicId(TOPICS.orderTransitionRejected, error.orderId),
        );
      }
    };
  return defineAgent({
    description:
      'Order lifecycle: enters each state, parks task tokens per awaited trigger, resumes the execution on a trigger',
    handlers: (on) => [
      on.rpc(AwaitLifecycleTrigger, async (input, ctx) => {
        if (input.entry !== undefined) await enter(input.entry, ctx);
        return tasks.awaitTrigger(input);
      }),
      on.rpc(EnterOrderState, (entry, ctx) => enter(entry, ctx)),
      on.event(PaymentCompleted, onTrigger('PaymentCompleted')),
      on.event(ProcessingStarted, onTrigger('ProcessingStarted')),
      on.event(ShippingConfirmed, onTrigger('ShippingConfirmed')),
      on.event(DeliveryConfirmed, onTrigger('DeliveryConfirmed')),
      on.event(OrderCancelled, onTrigger('OrderCancelled')),
    ],
  });
}
