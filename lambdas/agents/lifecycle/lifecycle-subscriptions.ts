import { LIFECYCLE_TRIGGERS } from '../../contracts/order/lifecycle-messages.js';
import { LIFECYCLE_AGENT_TYPE } from '../../contracts/order/lifecycle-tasks.js';
import { fromProducer } from '../../contracts/senders.js';
import { TOPICS } from '../../contracts/topics.js';
import type { Subscription } from '../../runtime/subscription.js';
import { TypeSubscription } from '../../runtime/type-subscription.js';

/**
 * What the lifecycle agent is subscribed to: enveloped triggers on `order.lifecycle/<orderId>`, and bare
 * triggers from outside services, whose detail-type is their topic type (DESIGN: a detail without
 * `metadata` is accepted with generated metadata). The handlers read the order id from the payload, so the
 * agent key (the topic source) does not matter. Each trigger is accepted only from the producer the deployment
 * configures for it (the payment gateway's PaymentCompleted, the carrier's DeliveryConfirmed, ...), enveloped or
 * bare: a trigger from anyone else matches no rule and is rejected by the Lambda adapter.
 *
 * @example
 * ```ts
 * for (const subscription of LIFECYCLE_SUBSCRIPTIONS) await runtime.addSubscription(subscription);
 * ```
 */
export const LIFECYCLE_SUBSCRIPTIONS: readonly Subscription[] = [
  new TypeSubscription(TOPICS.lifecycleTrigger, LIFECYCLE_AGENT_TYPE, {
    senders: Object.fromEntries(LIFECYCLE_TRIGGERS.map((trigger) => [trigger, fromProducer()])),
  }),
  ...LIFECYCLE_TRIGGERS.map(
    (trigger) =>
      new TypeSubscription(trigger, LIFECYCLE_AGENT_TYPE, { senders: { [trigger]: fromProducer() } }),
  ),
];
