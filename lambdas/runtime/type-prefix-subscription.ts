import type { SenderRules } from '../contracts/senders.js';
import { AgentId } from './agent-id.js';
import { assertAgentType, assertTopicType } from './identifiers.js';
import { CantHandleError } from './runtime-error.js';
import { type Subscription, type SubscriptionOptions, subscriptionOptions } from './subscription.js';
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
export class TypePrefixSubscription implements Subscription {
  readonly kind = 'type-prefix';
  readonly id: string;
  readonly topicType: string;
  readonly agentType: string;
  readonly senders?: SenderRules;

  constructor(prefix: string, agentType: string, options?: string | SubscriptionOptions) {
    const { id, senders } = subscriptionOptions(options);
    assertTopicType(prefix);
    assertAgentType(agentType);
    this.topicType = prefix;
    this.agentType = agentType;
    if (senders !== undefined) this.senders = senders;
    this.id = id ?? `prefix:${prefix}->${agentType}`;
  }

  isMatch(topic: TopicId): boolean {
    return topic.type.startsWith(this.topicType);
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
