import { describe, expect, it } from 'vitest';
import type { BusEvent } from '../../../../lambdas/patterns/event-bus/bus-event.js';
import { InMemoryEventDeadLetters } from '../../../../lambdas/patterns/event-bus/event-dead-letters.js';
import {
  decodeRoutedPatterns,
  encodeRoutedPatterns,
  patternValuePlaceholder,
} from '../../../../lambdas/runtime/aws/routed-patterns.js';
import { UnroutedEventsRouter } from '../../../../lambdas/runtime/aws/unrouted-events-router.js';
import { ManualClock } from '../../../support/manual-clock.js';

const event = (detailType: string, source: string, account = '111111111111'): BusEvent => ({
  version: '0',
  id: 'e-1',
  'detail-type': detailType,
  source,
  account,
  time: '2026-12-02T10:00:00Z',
  region: 'eu-west-1',
  resources: [],
  detail: { metadata: { id: 'm-1', topicType: detailType }, data: { incidentId: 'inc-1' } },
});

describe('routed patterns in a function environment', () => {
  it('come back as they were encoded, each deploy-time value put in its place', () => {
    const patterns = [
      { source: ['agentbridge.intake'], account: [patternValuePlaceholder(0)] },
      { $or: [{ source: ['a'] }, { 'detail-type': [{ prefix: 'x' }] }] },
    ];
    const encoded = encodeRoutedPatterns(patterns);
    expect(decodeRoutedPatterns(encoded, ['222222222222'])).toEqual([
      { source: ['agentbridge.intake'], account: ['222222222222'] },
      patterns[1],
    ]);
  });

  it('are refused when not encoded, or naming a value that is not given', () => {
    expect(() => decodeRoutedPatterns('not base64 gzip', [])).toThrow(/not gzipped JSON/);
    const encoded = encodeRoutedPatterns([{ account: [patternValuePlaceholder(1)] }]);
    expect(() => decodeRoutedPatterns(encoded, ['only-one'])).toThrow(/value 1/);
  });
});

describe('the unrouted-events router', () => {
  const setup = () => {
    const unrouted = new InMemoryEventDeadLetters();
    const router = new UnroutedEventsRouter({
      patterns: [
        { 'detail-type': ['IncidentOpened'], source: ['agentbridge.intake'], account: ['111111111111'] },
        { source: ['ops.audit'] },
      ],
      unrouted,
      clock: new ManualClock(Date.UTC(2026, 11, 2, 10)),
    });
    return { router, unrouted };
  };

  it('leaves an event some rule matches alone', async () => {
    const { router, unrouted } = setup();
    expect(await router.route(event('IncidentOpened', 'agentbridge.intake'))).toBe('routed');
    expect(await router.route(event('Anything', 'ops.audit'))).toBe('routed');
    expect(unrouted.list()).toEqual([]);
  });

  it('queues an event no rule matches, exactly as it arrived, as having no subscribers', async () => {
    const { router, unrouted } = setup();
    const forged = event('IncidentOpened', 'someone.else');
    const otherAccount = event('IncidentOpened', 'agentbridge.intake', '999999999999');
    expect(await router.route(forged)).toBe('unrouted');
    expect(await router.route(otherAccount)).toBe('unrouted');
    expect(unrouted.list()).toEqual([
      {
        reason: 'no-subscribers',
        message: 'no rule on the bus matches this IncidentOpened event',
        event: forged,
        recordedAt: '2026-12-02T10:00:00.000Z',
      },
      expect.objectContaining({ event: otherAccount }),
    ]);
  });

  it('fails the invocation when the unrouted queue refuses, so Lambda retries it', async () => {
    const router = new UnroutedEventsRouter({
      patterns: [],
      unrouted: { add: () => Promise.reject(new Error('throttled')) },
      clock: new ManualClock(0),
    });
    await expect(router.route(event('X', 'y'))).rejects.toThrow('throttled');
  });
});
