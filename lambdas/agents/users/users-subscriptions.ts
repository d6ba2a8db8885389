import { ORDER_AGENT_TYPES } from '../../contracts/order/order-agent-types.js';
import { fromAgentbridge } from '../../contracts/senders.js';
import { OUTBOX_SOURCE } from '../../contracts/sources.js';
import { domainTopic } from '../../contracts/topics.js';
import { USER_EVENT_TYPES } from '../../contracts/users/user-events.js';
import { TypeSubscription } from '../../runtime/type-subscription.js';

/**
 * The users agent's subscriptions: the outbox publishes each user event on topic `domain.<type>`, and the
 * projection catches the read model up on each. Only the outbox (`agentbridge.outbox`, the bus's own account)
 * may send them: a user event from anywhere else matches no rule. The CDK stack compiles these to the rules.
 *
 * @example
 * ```ts
 * for (const subscription of USERS_SUBSCRIPTIONS) await runtime.addSubscription(subscription);
 * ```
 */
export const USERS_SUBSCRIPTIONS: readonly TypeSubscription[] = USER_EVENT_TYPES.map(
  (type) =>
    new TypeSubscription(domainTopic(type), ORDER_AGENT_TYPES.users, {
      senders: { [type]: fromAgentbridge(OUTBOX_SOURCE) },
    }),
);
