import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventPattern } from '../../../lambdas/runtime/event-pattern/event-pattern.js';
import { matchEventPattern as matchPattern } from '../../../lambdas/runtime/event-pattern/match-event-pattern.js';

const matchEventPattern = (pattern: unknown, event: Record<string, unknown>) =>
  matchPattern(pattern as EventPattern, event);

import { subscriptionEventPattern } from '../../../lambdas/runtime/subscription-event-pattern.js';
import { TypeSubscription } from '../../../lambdas/runtime/type-subscription.js';
import { unroutedEventPattern } from '../../../lambdas/runtime/unrouted-event-pattern.js';

const OPEN = ['IncidentResolved', 'ServiceDegraded'];
const openPatterns = OPEN.map((topic) => subscriptionEventPattern(new TypeSubscription(topic, 'archive')));
const takenByOpen = (event: Record<string, unknown>) => openPatterns.some((p) => matchEventPattern(p, event));

/** Values a topic type, a detail-type or a metadata id may hold on the bus, odd ones included. */
const field = fc.oneof(
  fc.constantFrom(...OPEN, 'IncidentOpened', '', 'x'),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.constantFrom(...OPEN, 'other'), { maxLength: 3 }),
  fc.record({ nested: fc.constantFrom(...OPEN) }),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const busEvent = fc
  .record({
    detailType: fc.constantFrom(...OPEN, 'IncidentOpened', 'Other'),
    topicType: maybe(field),
    id: maybe(field),
  })
  .map(({ detailType, topicType, id }) => ({
    source: 'anyone',
    'detail-type': detailType,
    detail: {
      metadata: {
        ...(topicType === undefined ? {} : { topicType }),
        ...(id === undefined ? {} : { id }),
      },
    },
  }));

describe('the unrouted-events rule pattern', () => {
  it('matches every event when no subscription lacks senders', () => {
    const every = unroutedEventPattern([]);
    expect(matchEventPattern(every, { source: 'a', 'detail-type': 'b', detail: {} })).toBe(true);
  });

  it('never leaves out an event the subscriptions without senders do not take, whatever its fields hold', () => {
    const pattern = unroutedEventPattern(OPEN);
    fc.assert(
      fc.property(busEvent, (event) => {
        if (!matchEventPattern(pattern, event)) expect(takenByOpen(event)).toBe(true);
        // Leaves out all they take, but for a topic type listing others too: that one goes past the router.
        if (!Array.isArray(event.detail.metadata.topicType)) {
          expect(matchEventPattern(pattern, event)).toBe(!takenByOpen(event));
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('lets through an event of an open topic the subscription does not take (enveloped under another topic)', () => {
    const pattern = unroutedEventPattern(OPEN);
    const event = {
      source: 'anyone',
      'detail-type': 'IncidentResolved',
      detail: { metadata: { id: 'm-1', topicType: 'IncidentOpened' } },
    };
    expect(takenByOpen(event)).toBe(false);
    expect(matchEventPattern(pattern, event)).toBe(true);
  });
});
