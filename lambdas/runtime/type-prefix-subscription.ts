import { type SubscriptionOptions, TopicTypeSubscription } from './subscription.js';
import type { TopicId } from './topic-id.js';

/**
 * Delivers every topic whose type starts with `prefix` to `AgentId(agentType, topic.source)`.
 *
 * Matching is a plain string prefix, as in AutoGen and as EventBridge's `prefix` operator does: the
 * prefix `order` also matches `orders`. End a hierarchical prefix with its separator (`order.`) when
 * only children are meant.
 *
 * @example
 * ```ts
 * await runtime.addSubscription(new TypePrefixSubscription('order.', 'audit'));
 * ```
 */
export class TypePrefixSubscription extends TopicTypeSubscription<'type-prefix'> {
  constructor(prefix: string, agentType: string, options?: string | SubscriptionOptions) {
    super('type-prefix', 'prefix', prefix, agentType, options);
  }

  isMatch(topic: TopicId): boolean {
    return topic.type.startsWith(this.topicType);
  }
}
