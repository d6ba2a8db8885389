import { consoleLogger, type Logger } from '../../contracts/logger.js';
import {
  RecordOrderTransition,
  SendShippingNotification,
  StartInventoryProcessing,
} from '../../contracts/order/fulfilment-tasks.js';
import type { StateEntry, StateEntryResult } from '../../contracts/order/lifecycle-entry.js';
import { OrderStateChanged } from '../../contracts/order/lifecycle-messages.js';
import { TRIGGER_TARGETS } from '../../contracts/order/lifecycle-waits.js';
import { ORDER_AGENT_TYPES } from '../../contracts/order/order-agent-types.js';
import { TrackingNumberSchema } from '../../contracts/order/order-values.js';
import { TOPICS } from '../../contracts/topics.js';
import { AgentId } from '../../runtime/agent-id.js';
import { nameBasedUuid } from '../../runtime/aws/name-based-uuid.js';
import type { MessageContext } from '../../runtime/message-context.js';
import { TopicId } from '../../runtime/topic-id.js';
import { UnexpectedLifecycleTriggerError } from './lifecycle-error.js';

/**
 * Namespace of OrderStateChanged message ids: `uuidv5(NAMESPACE_URL, 'https://github.com/agentbridge/order-state-changed')`.
 * Never change it: an entry retried across the change would publish its transition under a second id.
 */
export const ORDER_STATE_CHANGED_NAMESPACE = '908dcfc3-410b-5227-88d9-45769c95bfd1';

/** The id of the OrderStateChanged of one transition: the same on every retry, so consumers drop repeats. */
export const orderStateChangedId = (orderId: string, from: string, to: string): string =>
  nameBasedUuid(ORDER_STATE_CHANGED_NAMESPACE, JSON.stringify([orderId, from, to]));

/** Enters a lifecycle state; the message context carries the sends and the publish. */
export type EnterState = (entry: StateEntry, ctx: MessageContext<undefined>) => Promise<StateEntryResult>;

/**
 * Entering a lifecycle state (the transition with its post handler), as one step of the lifecycle
 * agent instead of three or four states of the machine:
 *
 * 1. the trigger must lead to the state entered (else {@link UnexpectedLifecycleTriggerError}, not retried);
 * 2. the orders agent records the transition (a repeat answers `changed: false`);
 * 3. the state's post-transition action: paid → inventory commits the saga's reservation; shipped → the
 *    customer is notified with the tracking number (a notification that cannot go out does not stop the
 *    order: it is logged and the order goes on);
 * 4. OrderStateChanged goes out on `order.state-changed/<orderId>`, last, so a failed action is retried
 *    before anyone hears of the transition; its id is named after the transition, so a retried entry
 *    republishes under the same id and consumers drop the copy.
 *
 * Every step is idempotent, so a retried task (Step Functions' Retry on `TransientError`) repeats them all
 * safely; a failure leaves through the task's Catch: compensation while the money or the stock is held, the
 * parked state after that.
 *
 * @example
 * ```ts
 * const enter = stateEntry({ logger });
 * await enter({ orderId: 'o-1', sagaId: 's-1', userId: 'u-1', from: 'created', to: 'paid', signal }, ctx);
 * ```
 */
export function stateEntry(options: { readonly logger?: Logger } = {}): EnterState {
  return async (entry, ctx) => {
    const { orderId, from, to, signal } = entry;
    if (TRIGGER_TARGETS[signal.trigger] !== to) {
      throw new UnexpectedLifecycleTriggerError({ orderId, trigger: signal.trigger, entering: to });
    }
    const trackingNumber =
      to === 'shipped' ? TrackingNumberSchema.parse(signal.data.trackingNumber) : undefined;
    const recorded = await ctx.send(
      RecordOrderTransition,
      { orderId, to, trigger: signal.trigger, ...(trackingNumber === undefined ? {} : { trackingNumber }) },
      new AgentId(ORDER_AGENT_TYPES.orders, orderId),
    );
    if (to === 'paid') {
      await ctx.send(
        StartInventoryProcessing,
        { sagaId: entry.sagaId, orderId },
        new AgentId(ORDER_AGENT_TYPES.inventory, orderId),
      );
    }
    if (trackingNumber !== undefined) {
      await ctx
        .send(
          SendShippingNotification,
          { orderId, userId: entry.userId, trackingNumber },
          new AgentId(ORDER_AGENT_TYPES.notification, orderId),
        )
        .catch((error: unknown) => {
          (options.logger ?? consoleLogger).warn(
            'The shipping notification could not be sent; the order goes on',
            {
              orderId,
              error,
            },
          );
        });
    }
    await ctx.publish(
      OrderStateChanged,
      { orderId, from, to, trigger: signal.trigger, at: signal.receivedAt },
      new TopicId(TOPICS.orderStateChanged, orderId),
      {
        messageId: orderStateChangedId(orderId, from, to),
        causationId: signal.eventId,
        correlationId: orderId,
      },
    );
    return { orderId, state: recorded.state, version: recorded.version, changed: recorded.changed };
  };
}
