import { ContractError } from '../contracts/contract-error.js';
import { type ProducerDirectory, resolveSenders } from '../contracts/senders.js';
import type { Subscription } from './subscription.js';
import { TopicId } from './topic-id.js';

/** An EventBridge event pattern, as JSON. */
export type EventPattern = { readonly [field: string]: unknown };

/** What a subscription's sender rules resolve against: the bus's own account and the configured producers. */
export interface SenderContext {
  /** The account the bus (and every agentbridge function) lives in; a CDK token at synth time. */
  readonly account: string;
  readonly producers: ProducerDirectory;
}

/** A subscription declares senders, but the pattern was compiled without a {@link SenderContext}. */
export class MissingSenderContextError extends ContractError {
  override readonly name = 'MissingSenderContextError';
  constructor(subscriptionId: string) {
    super(
      'MISSING_SENDER_CONTEXT',
      `Subscription ${subscriptionId} declares its senders: compile it with the bus account and producers`,
    );
  }
}

const ENVELOPED = (matcher: unknown) => ({ metadata: { topicType: [matcher] } });
/** `exists: false` sits on the leaf `metadata.id` because EventBridge only evaluates `exists` on leaves. */
const BARE = { metadata: { id: [{ exists: false }] } };

/**
 * Compiles a subscription to the EventBridge event pattern of its rule. The CDK stack uses it for each
 * rule, the tests compare the deployed rules with it, and the local cloud matches with it.
 *
 * Events written by agentbridge carry the topic in `detail.metadata.topicType`. A bare detail from an
 * outside service has no metadata; its detail-type stands in for the topic type (the Lambda adapter
 * makes the same choice when it generates the metadata), so the pattern is an `$or` of both shapes.
 *
 * A subscription that declares its senders gets one pair of alternatives per group of message types with the
 * same senders, each carrying `detail-type`, `source` and `account`: an event of another type, source or
 * account matches no alternative. The bare shape is offered only for the message types whose detail-type is a
 * topic the subscription matches. A single alternative is returned as the pattern (EventBridge refuses an `$or`
 * of one).
 *
 * @example
 * ```ts
 * subscriptionEventPattern(new TypeSubscription('order.placed', 'inventory'));
 * // { $or: [ { detail: { metadata: { topicType: ['order.placed'] } } },
 * //          { 'detail-type': ['order.placed'], detail: { metadata: { id: [{ exists: false }] } } } ] }
 * ```
 */
export function subscriptionEventPattern(subscription: Subscription, context?: SenderContext): EventPattern {
  const matcher = subscription.kind === 'type' ? subscription.topicType : { prefix: subscription.topicType };
  const { senders } = subscription;
  if (senders === undefined) {
    return { $or: [{ detail: ENVELOPED(matcher) }, { 'detail-type': [matcher], detail: BARE }] };
  }
  if (context === undefined) throw new MissingSenderContextError(subscription.id);
  const groups = new Map<string, { sources: string[]; accounts: string[]; types: string[] }>();
  for (const [messageType, rule] of Object.entries(senders)) {
    const resolved = resolveSenders(messageType, rule, context.account, context.producers);
    const sources = [...new Set(resolved.sources)].sort();
    const accounts = [...new Set(resolved.accounts)];
    const key = JSON.stringify([sources, accounts]);
    const group = groups.get(key) ?? { sources, accounts, types: [] };
    group.types.push(messageType);
    groups.set(key, group);
  }
  const alternatives: EventPattern[] = [];
  for (const { sources, accounts, types } of groups.values()) {
    const from = { source: sources, account: accounts };
    alternatives.push({ 'detail-type': types, ...from, detail: ENVELOPED(matcher) });
    const bare = types.filter((type) => subscription.isMatch(new TopicId(type, 'default')));
    if (bare.length > 0) alternatives.push({ 'detail-type': bare, ...from, detail: BARE });
  }
  const [only] = alternatives;
  if (only === undefined) {
    throw new ContractError(
      'NO_SENDERS',
      `Subscription ${subscription.id} declares senders for no message type`,
    );
  }
  // EventBridge wants at least two objects in an `$or`: a single alternative is the pattern itself.
  return alternatives.length === 1 ? only : { $or: alternatives };
}
