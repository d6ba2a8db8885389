import { describe, expect, it } from 'vitest';
import { subscriptionEventPattern } from '../../../lambdas/runtime/subscription-event-pattern.js';
import { TypePrefixSubscription } from '../../../lambdas/runtime/type-prefix-subscription.js';
import { TypeSubscription } from '../../../lambdas/runtime/type-subscription.js';

describe('subscriptionEventPattern', () => {
  it('matches agentbridge envelopes by topic type and bare outside events by detail-type', () => {
    expect(subscriptionEventPattern(new TypeSubscription('order.placed', 'inventory'))).toEqual({
      $or: [
        { detail: { metadata: { topicType: ['order.placed'] } } },
        { 'detail-type': ['order.placed'], detail: { metadata: { id: [{ exists: false }] } } },
      ],
    });
  });

  it('uses the prefix operator for prefix subscriptions', () => {
    expect(subscriptionEventPattern(new TypePrefixSubscription('order.', 'audit'))).toEqual({
      $or: [
        { detail: { metadata: { topicType: [{ prefix: 'order.' }] } } },
        { 'detail-type': [{ prefix: 'order.' }], detail: { metadata: { id: [{ exists: false }] } } },
      ],
    });
  });

  it('gives equal subscriptions the same stable id in every process', () => {
    expect(new TypeSubscription('t1', 'a1').id).toBe(new TypeSubscription('t1', 'a1').id);
    expect(new TypeSubscription('t1', 'a1').equals(new TypeSubscription('t1', 'a1', 'custom'))).toBe(true);
    expect(new TypeSubscription('t1', 'a1').equals(new TypePrefixSubscription('t1', 'a1'))).toBe(false);
  });
});
