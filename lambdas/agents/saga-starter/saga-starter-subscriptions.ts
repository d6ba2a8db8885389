import { OrderRequested } from '../../contracts/order/order-messages.js';
import { SAGA_STARTER_AGENT_TYPE } from '../../contracts/order/order-saga-io.js';
import { fromProducer } from '../../contracts/senders.js';
import { TOPICS } from '../../contracts/topics.js';
import type { Subscription } from '../../runtime/subscription.js';
import { TypeSubscription } from '../../runtime/type-subscription.js';

const FROM_CHECKOUT = { [OrderRequested.name]: fromProducer() };

/**
 * What the saga starter is subscribed to: enveloped OrderRequested events on `order.requested/<orderId>`,
 * and bare ones from outside services, whose detail-type (`OrderRequested`) is their topic type (DESIGN: a
 * detail without `metadata` is accepted with generated metadata), both only from the producer the deployment
 * configures for OrderRequested (by default the shop's checkout). The CDK stack compiles these to rules.
 *
 * @example
 * ```ts
 * for (const subscription of SAGA_STARTER_SUBSCRIPTIONS) await runtime.addSubscription(subscription);
 * ```
 */
export const SAGA_STARTER_SUBSCRIPTIONS: readonly Subscription[] = [
  new TypeSubscription(TOPICS.orderRequested, SAGA_STARTER_AGENT_TYPE, { senders: FROM_CHECKOUT }),
  new TypeSubscription(OrderRequested.name, SAGA_STARTER_AGENT_TYPE, { senders: FROM_CHECKOUT }),
];
