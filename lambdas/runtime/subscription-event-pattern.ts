import type { Subscription } from './subscription.js';

/** An EventBridge event pattern, as JSON. */
export type EventPattern = { readonly [field: string]: unknown };

/**
 * Compiles a subscription to the EventBridge event pattern of its rule. The CDK stack uses it for each
 * rule, the tests compare the deployed rules with it, and the local cloud matches with it.
 *
 * Events written by agentbridge carry the topic in `detail.metadata.topicType`. A bare detail from an
 * outside service has no metadata; its detail-type stands in for the topic type (the Lambda adapter
 * makes the same choice when it generates the metadata), so the pattern is an `$or` of both shapes.
 * `exists: false` sits on the leaf `metadata.id` because EventBridge only evaluates `exists` on leaves.
 *
 * @example
 * ```ts
 * subscriptionEventPattern(new TypeSubscription('order.placed', 'inventory'));
 * // { $or: [ { detail: { metadata: { topicType: ['order.placed'] } } },
 * //          { 'detail-type': ['order.placed'], detail: { metadata: { id: [{ exists: false }] } } } ] }
 * ```
 */
export function subscriptionEventPattern(subscription: Subscription): EventPattern {
  const matcher = subscription.kind === 'type' ? subscription.topicType : { prefix: subscription.topicType };
  return {
    $or: [
      { detail: { metadata: { topicType: [matcher] } } },
      { 'detail-type': [matcher], detail: { metadata: { id: [{ exists: false }] } } },
    ],
  };
}
