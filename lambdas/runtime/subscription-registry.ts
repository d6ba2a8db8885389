import type { AgentId } from './agent-id.js';
import { SubscriptionExistsError, SubscriptionNotFoundError } from './runtime-error.js';
import type { Subscription } from './subscription.js';
import type { TopicId } from './topic-id.js';

/** What the registry remembers per topic type: one subscription per agent type, and recent recipients. */
interface TopicRoute {
  readonly subscriptions: readonly Subscription[];
  readonly bySource: Map<string, AgentId[]>;
}

/** Bounds the per-source recipient cache: sources are often unique ids (one order each). */
const SOURCES_PER_TOPIC_TYPE = 1_024;

/**
 * The subscriptions a runtime holds (AutoGen's `SubscriptionManager`), with the recipients of each topic
 * cached until the subscriptions change.
 */
export class SubscriptionRegistry {
  #subscriptions: Subscription[] = [];
  /** topic type → its route; cleared on every add/remove. */
  readonly #routes = new Map<string, TopicRoute>();

  list(): readonly Subscription[] {
    return this.#subscriptions;
  }

  /** Whether an equal subscription (same id, or same kind, topic type and agent type) is held. */
  has(subscription: Subscription): boolean {
    return this.#subscriptions.some((existing) => existing.equals(subscription));
  }

  add(subscription: Subscription): void {
    if (this.has(subscription)) {
      throw new SubscriptionExistsError(subscription.id);
    }
    this.#subscriptions = [...this.#subscriptions, subscription];
    this.#routes.clear();
  }

  remove(id: string): void {
    const remaining = this.#subscriptions.filter((subscription) => subscription.id !== id);
    if (remaining.length === this.#subscriptions.length) throw new SubscriptionNotFoundError(id);
    this.#subscriptions = remaining;
    this.#routes.clear();
  }

  /**
   * The agents a topic is delivered to, each once. Both subscription kinds map a topic to
   * `AgentId(agentType, topic.source)`, so two subscriptions of one agent type reach the same agent:
   * AutoGen then delivers twice; here, as on AWS (where the event id makes the second delivery an
   * idempotent repeat), the agent gets one copy. The returned array is shared: do not mutate it.
   */
  recipients(topic: TopicId): readonly AgentId[] {
    let route = this.#routes.get(topic.type);
    if (route === undefined) {
      const byAgentType = new Map<string, Subscription>();
      for (const subscription of this.#subscriptions) {
        if (subscription.isMatch(topic) && !byAgentType.has(subscription.agentType)) {
          byAgentType.set(subscription.agentType, subscription);
        }
      }
      route = { subscriptions: [...byAgentType.values()], bySource: new Map() };
      this.#routes.set(topic.type, route);
    }
    if (route.subscriptions.length === 0) return [];
    let recipients = route.bySource.get(topic.source);
    if (recipients === undefined) {
      recipients = route.subscriptions.map((subscription) => subscription.mapToAgent(topic));
      if (route.bySource.size >= SOURCES_PER_TOPIC_TYPE) route.bySource.clear();
      route.bySource.set(topic.source, recipients);
    }
    return recipients;
  }
}
