import { DEFAULT_TOPIC_TYPE } from './default-topic.js';
import type { SubscriptionOptions } from './subscription.js';
import { TypeSubscription } from './type-subscription.js';

/**
 * AutoGen's `DefaultSubscription`: a {@link TypeSubscription} on the topic type `default`. AutoGen reads
 * the agent type from the instantiation context; here it is passed explicitly.
 *
 * @example
 * ```ts
 * await runtime.addSubscription(new DefaultSubscription('assistant'));
 * await runtime.publish(Task, task, new TopicId('default', 'session-7')); // → assistant/session-7
 * ```
 */
export class DefaultSubscription extends TypeSubscription {
  constructor(
    agentType: string,
    topicType: string = DEFAULT_TOPIC_TYPE,
    options?: string | SubscriptionOptions,
  ) {
    super(topicType, agentType, options);
  }
}
