import { describe, expect, it } from 'vitest';
import { fromAgentbridge, fromProducer } from '../../../lambdas/contracts/senders.js';
import { matchEventPattern } from '../../../lambdas/runtime/event-pattern/match-event-pattern.js';
import {
  MissingSenderContextError,
  subscriptionEventPattern,
} from '../../../lambdas/runtime/subscription-event-pattern.js';
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

  describe('with declared senders', () => {
    const context = {
      account: '111111111111',
      producers: {
        PaymentCompleted: { sources: ['payments.gateway'], accounts: ['222222222222'] },
        DeliveryConfirmed: { sources: ['carrier.tracking'], accounts: [] },
      },
    };
    const lifecycle = new TypeSubscription('order.lifecycle', 'lifecycle', {
      senders: { PaymentCompleted: fromProducer(), DeliveryConfirmed: fromProducer() },
    });
    const bareTrigger = new TypeSubscription('PaymentCompleted', 'lifecycle', {
      senders: { PaymentCompleted: fromProducer() },
    });
    const event = (fields: Record<string, unknown>, detail: Record<string, unknown>) => ({
      version: '0',
      id: 'e-1',
      region: 'us-east-1',
      time: '2026-12-01T00:00:00Z',
      resources: [],
      account: '111111111111',
      source: 'payments.gateway',
      'detail-type': 'PaymentCompleted',
      detail,
      ...fields,
    });
    /** The rule as EventBridge receives it: JSON text. */
    const matches = (pattern: object, candidate: Readonly<Record<string, unknown>>) =>
      matchEventPattern(JSON.stringify(pattern), candidate);
    const enveloped = (topicType: string) => ({ metadata: { id: 'm-1', topicType }, data: {} });

    it('gives each group of message types with the same senders its detail-types, sources and accounts', () => {
      expect(subscriptionEventPattern(lifecycle, context)).toEqual({
        $or: [
          {
            'detail-type': ['PaymentCompleted'],
            source: ['payments.gateway'],
            account: ['111111111111', '222222222222'],
            detail: { metadata: { topicType: ['order.lifecycle'] } },
          },
          {
            'detail-type': ['DeliveryConfirmed'],
            source: ['carrier.tracking'],
            account: ['111111111111'],
            detail: { metadata: { topicType: ['order.lifecycle'] } },
          },
        ],
      });
    });

    it('offers the bare shape only to message types whose detail-type is the subscribed topic', () => {
      const pattern = subscriptionEventPattern(bareTrigger, context);
      expect(pattern).toEqual({
        $or: [
          expect.objectContaining({ detail: { metadata: { topicType: ['PaymentCompleted'] } } }),
          expect.objectContaining({ detail: { metadata: { id: [{ exists: false }] } } }),
        ],
      });
      expect(matches(pattern, event({}, { orderId: 'o-1' }))).toBe(true);
      // An envelope on another topic is neither shape: its metadata.id exists, its topic type differs.
      expect(matches(pattern, event({}, enveloped('order.lifecycle')))).toBe(false);
      expect(matches(subscriptionEventPattern(lifecycle, context), event({}, { orderId: 'o-1' }))).toBe(
        false,
      );
    });

    it('matches only the declared source and accounts, for the declared detail-types', () => {
      const pattern = subscriptionEventPattern(lifecycle, context);
      const legit = event({}, enveloped('order.lifecycle'));
      expect(matches(pattern, legit)).toBe(true);
      expect(matches(pattern, { ...legit, account: '222222222222' })).toBe(true);
      expect(matches(pattern, { ...legit, source: 'carrier.tracking' })).toBe(false);
      expect(matches(pattern, { ...legit, account: '999999999999' })).toBe(false);
      expect(matches(pattern, { ...legit, 'detail-type': 'OrderCancelled' })).toBe(false);
    });

    it('is the single alternative itself when there is only one (EventBridge refuses an $or of one)', () => {
      const users = new TypeSubscription('domain.UserCreated', 'users', {
        senders: { UserCreated: fromAgentbridge('agentbridge.outbox') },
      });
      expect(subscriptionEventPattern(users, context)).toEqual({
        'detail-type': ['UserCreated'],
        source: ['agentbridge.outbox'],
        account: ['111111111111'],
        detail: { metadata: { topicType: ['domain.UserCreated'] } },
      });
    });

    it('refuses to compile without the bus account and producers, or for an unconfigured producer', () => {
      expect(() => subscriptionEventPattern(lifecycle)).toThrow(MissingSenderContextError);
      expect(() => subscriptionEventPattern(lifecycle, { account: '111111111111', producers: {} })).toThrow(
        /No producer is configured for message type PaymentCompleted/,
      );
    });
  });
});
