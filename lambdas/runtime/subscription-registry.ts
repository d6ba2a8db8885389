import type { AgentId } from './agent-id.js';
import { SubscriptionExistsError, SubscriptionNotFoundError } from './runtime-error.js';
import type { Subscription } from './subscription.js';
import type { TopicId } from './topic-id.js';

/**
 * The subscriptions a runtime holds (AutoGen's `SubscriptionManager`), with the recipients of each topic
 * type cached until the subscriptions change.
 */
export class SubscriptionRegistry {
  #subscriptions: Subscription[] = [];
  /** topic type → the subscriptions matching it; cleared on every add/remove. */
  readonly #byTopicType = new Map<string, Subscription[]>();

  list(): readonly Subscription[] {
    return this.#subscriptions;
  }

  add(subscription: Subscription): void {
    if (this.#subscriptions.some((existing) => existing.equals(subscription))) {
      throw new SubscriptionExistsError(subscription.id);
    }
    this.#subscriptions = [...this.#subscriptions, subscription];
    this.#byTopicType.clear();
  }

  remove(id: string): void {
    const remaining = this.#subscriptions.filter((subscription) => subscription.id !== id);
    if (remaining.length === this.#subscriptions.length) throw new SubscriptionNotFoundError(id);
    this.#subscriptions = remaining;
    this.#byTopicType.clear();
  }

  /**
   * The agents a topic is delivered to, each once. AutoGen delivers twice when two subscriptions map a
   * topic to the same agent; here, as on AWS (where the event id makes the second delivery an idempotent
   * repeat), an agent gets one copy.
   */
  recipients(topic: TopicId): AgentId[] {
    let matching = this.#byTopicType.get(topic.type);
    if (matching === undefined) {
      matching = this.#subscriptions.filter((subscription) => subscription.isMatch(topic));
      this.#byTopicType.set(topic.type, matching);
    }
    if (matching.length === 0) return [];
    const first = matching[0];
    if (matching.length === 1 && first !== undefined) return [first.mapToAgent(topic)];
    const seen = new Set<string>();
    const recipients: AgentId[] = [];
    for (const subscription of matching) {
      const id = subscription.mapToAgent(topic);
      const key = id.toString();
      if (seen.has(key)) continue;
      seen.add(key);
      recipients.push(id);
    }
    return recipients;
  }
}
