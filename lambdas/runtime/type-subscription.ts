import type { SenderRules } from '../contracts/senders.js';
import { AgentId } from './agent-id.js';
import { assertAgentType, assertTopicType } from './identifiers.js';
import { CantHandleError } from './runtime-error.js';
import { type Subscription, type SubscriptionOptions, subscriptionOptions } from './subscription.js';
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
export class TypeSubscription implements Subscription {
  readonly kind = 'type';
  readonly id: string;
  readonly topicType: string;
  readonly agentType: string;
  readonly senders?: SenderRules;

  constructor(topicType: string, agentType: string, options?: string | SubscriptionOptions) {
    const { id, senders } = subscriptionOptions(options);
    assertTopicType(topicType);
    assertAgentType(agentType);
    this.topicType = topicType;
    this.agentType = agentType;
    if (senders !== undefined) this.senders = senders;
    this.id = id ?? `type:${topicType}->${agentType}`;
  }

  isMatch(topic: TopicId): boolean {
    return topic.type === this.topicType;
  }

  mapToAgent(topic: TopicId): AgentId {
    if (!this.isMatch(topic)) {
      throw new CantHandleError(`Subscription ${this.id} cannot handle topic ${topic.toString()}`);
    }
    return new AgentId(this.agentType, topic.source);
  }

  equals(other: Subscription): boolean {
    return (
      other.id === this.id ||
      (other.kind === this.kind && other.topicType === this.topicType && other.agentType === this.agentType)
    );
  }
}
