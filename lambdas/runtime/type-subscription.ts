import { type SubscriptionOptions, TopicTypeSubscription } from './subscription.js';
import type { TopicId } from './topic-id.js';

/**
 * Delivers topics of exactly `topicType` (any source) to `AgentId(agentType, topic.source)`.
 *
 * The default id is derived from the pair (AutoGen draws a random UUID), so the same subscription gets
 * the same id in every process and EventBridge rule names stay stable across deployments.
 *
 * @example
 * ```ts
 * await runtime.addSubscription(new TypeSubscription('order.placed', 'inventory'));
 * ```
 */
export class TypeSubscription extends TopicTypeSubscription<'type'> {
  constructor(topicType: string, agentType: string, options?: string | SubscriptionOptions) {
    super('type', 'type', topicType, agentType, options);
  }

  isMatch(topic: TopicId): boolean {
    return topic.type === this.topicType;
  }
}
