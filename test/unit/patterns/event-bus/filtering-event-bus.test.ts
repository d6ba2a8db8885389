import { describe, expect, it } from 'vitest';
import type { BusEvent } from '../../../../lambdas/patterns/event-bus/bus-event.js';
import {
  DeadLetterWriteError,
  InvalidSubscriptionError,
} from '../../../../lambdas/patterns/event-bus/event-bus-error.js';
import { InMemoryEventDeadLetters } from '../../../../lambdas/patterns/event-bus/event-dead-letters.js';
import {
  type EventSubscriber,
  FilteringEventBus,
} from '../../../../lambdas/patterns/event-bus/filtering-event-bus.js';
import { ManualClock } from '../../../support/manual-clock.js';

const incident = (severity: number, service = 'checkout') => ({
  id: `evt-${severity}-${service}`,
  source: 'ops.intake',
  'detail-type': 'IncidentOpened',
  time: '2026-12-02T10:00:00.000Z',
  detail: { incidentId: `inc-${severity}`, severity, service },
});

/** A subscriber that records what it received, or throws what it is given to throw. */
const recorder = (name: string, fails?: Error) => {
  const received: BusEvent[] = [];
  const subscriber: EventSubscriber = {
    name,
    handle: async (event) => {
      received.push(event);
      if (fails !== undefined) throw fails;
    },
  };
  return { subscriber, received };
};

const setup = () => {
  const deadLetters = new InMemoryEventDeadLetters();
  let n = 0;
  const bus = new FilteringEventBus({
    deadLetters,
    clock: new ManualClock(Date.UTC(2026, 11, 2, 12)),
    newId: () => `id-${++n}`,
  });
  return { bus, deadLetters };
};

describe('a filtering event bus', () => {
  it('delivers an event to every subscriber of its type whose filter passes, and to no other', async () => {
    const { bus, deadLetters } = setup();
    const pager = recorder('pager');
    const chat = recorder('chat');
    const other = recorder('other');
    const pagerId = bus.subscribe('IncidentOpened', pager.subscriber, {
      filter: { detail: { severity: [{ numeric: ['<=', 2] }] } },
    });
    const chatId = bus.subscribe('IncidentOpened', chat.subscriber);
    bus.subscribe('IncidentClosed', other.subscriber);

    const major = await bus.publish(incident(1));
    const minor = await bus.publish(incident(4));

    expect(major.delivered).toEqual([pagerId, chatId]);
    expect(minor).toMatchObject({ delivered: [chatId], filteredOut: [pagerId], deadLetters: [] });
    expect(pager.received.map((event) => event.id)).toEqual(['evt-1-checkout']);
    expect(chat.received.map((event) => event.id)).toEqual(['evt-1-checkout', 'evt-4-checkout']);
    expect(other.received).toEqual([]);
    expect(deadLetters.list()).toEqual([]);
  });

  it('matches a filter against the whole envelope with EventBridge semantics (source prefix, anything-but)', async () => {
    const { bus } = setup();
    const ops = recorder('ops');
    bus.subscribe('IncidentOpened', ops.subscriber, {
      filter: { source: [{ prefix: 'ops.' }], detail: { service: [{ 'anything-but': ['sandbox'] }] } },
    });
    await bus.publish(incident(3));
    await bus.publish(incident(3, 'sandbox'));
    await bus.publish({ ...incident(3), source: 'test.harness' });
    expect(ops.received.map((event) => event.detail)).toEqual([
      { incidentId: 'inc-3', severity: 3, service: 'checkout' },
    ]);
  });

  it('delivers to its subscribers in parallel: a slow subscriber does not hold the others back', async () => {
    const { bus } = setup();
    const order: string[] = [];
    let releaseSlow: () => void = () => undefined;
    const slowDone = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    bus.subscribe('IncidentOpened', {
      name: 'slow',
      handle: async () => {
        await slowDone;
        order.push('slow');
      },
    });
    bus.subscribe('IncidentOpened', {
      name: 'fast',
      handle: () => {
        order.push('fast');
        releaseSlow();
      },
    });
    await bus.publish(incident(2));
    expect(order).toEqual(['fast', 'slow']);
  });

  it('dead-letters a failed delivery with its reason and the original event, and still delivers to the others', async () => {
    const { bus, deadLetters } = setup();
    const sms = recorder('sms', new Error('no on-call number for checkout'));
    const chat = recorder('chat');
    const smsId = bus.subscribe('IncidentOpened', sms.subscriber);
    const chatId = bus.subscribe('IncidentOpened', chat.subscriber);

    const outcome = await bus.publish(incident(1));

    expect(outcome).toMatchObject({ delivered: [chatId], failed: [smsId] });
    expect(deadLetters.list()).toEqual([
      {
        reason: 'delivery-failed',
        message: 'delivery to sms failed: no on-call number for checkout',
        event: incident(1),
        subscriptionId: smsId,
        subscriber: 'sms',
        errorCode: 'Error',
        recordedAt: '2026-12-02T12:00:00.000Z',
      },
    ]);
  });

  it('keeps the dead-lettered event intact even when a subscriber changes the event it was given', async () => {
    const { bus, deadLetters } = setup();
    bus.subscribe('IncidentOpened', {
      name: 'meddler',
      handle: (event) => {
        (event.detail as { severity: number }).severity = 99;
        throw new Error('gave up');
      },
    });
    const chat = recorder('chat');
    bus.subscribe('IncidentOpened', chat.subscriber);
    await bus.publish(incident(1));
    expect(deadLetters.list()[0]?.event).toEqual(incident(1));
    expect(chat.received[0]?.detail).toEqual(incident(1).detail);
  });

  it('dead-letters an event nobody subscribes to as "no subscribers", with the event whole', async () => {
    const { bus, deadLetters } = setup();
    bus.subscribe('IncidentClosed', recorder('closer').subscriber);
    const outcome = await bus.publish(incident(2));
    expect(outcome.delivered).toEqual([]);
    expect(deadLetters.list()).toEqual([
      expect.objectContaining({ reason: 'no-subscribers', message: 'no subscribers', event: incident(2) }),
    ]);
  });

  it('dead-letters as "no subscribers" an event every filter of its type refused, as the unrouted rule does on AWS', async () => {
    const { bus, deadLetters } = setup();
    bus.subscribe('IncidentOpened', recorder('pager').subscriber, { filter: { detail: { severity: [1] } } });
    bus.subscribe('IncidentOpened', recorder('db').subscriber, { filter: { detail: { service: ['db'] } } });
    await bus.publish(incident(3));
    expect(deadLetters.list().map(({ reason, message }) => ({ reason, message }))).toEqual([
      { reason: 'no-subscribers', message: 'no subscribers: all 2 filters refused it' },
    ]);
  });

  it('delivers through a scoring filter only when the relevance is above 0.7, or above the threshold given', async () => {
    const { bus, deadLetters } = setup();
    const relevance: Record<string, number> = { checkout: 0.9, search: 0.7, billing: 0.5 };
    const seen: unknown[] = [];
    const team = recorder('payments-team');
    const strict = recorder('strict');
    const teamId = bus.subscribe('IncidentOpened', team.subscriber, {
      scoring: {
        score: (event, subscription) => {
          seen.push(subscription);
          return relevance[(event.detail as { service: string }).service] ?? 0;
        },
      },
    });
    bus.subscribe('IncidentOpened', strict.subscriber, { scoring: { score: () => 0.9, threshold: 0.95 } });

    await bus.publish(incident(2, 'checkout'));
    const atThreshold = await bus.publish(incident(2, 'search'));
    await bus.publish(incident(2, 'billing'));

    expect(team.received.map((event) => (event.detail as { service: string }).service)).toEqual(['checkout']);
    expect(atThreshold.belowThreshold).toContain(teamId);
    expect(strict.received).toEqual([]);
    expect(seen[0]).toEqual({ id: teamId, eventType: 'IncidentOpened', subscriber: 'payments-team' });
    // Judged irrelevant is not unrouted: the event reached its subscriptions.
    expect(deadLetters.list()).toEqual([]);
  });

  it('asks the scoring only about events the filter passed', async () => {
    const { bus } = setup();
    const scored: string[] = [];
    bus.subscribe('IncidentOpened', recorder('team').subscriber, {
      filter: { detail: { severity: [1] } },
      scoring: {
        score: (event) => {
          scored.push(event.id);
          return 1;
        },
      },
    });
    await bus.publish(incident(1));
    await bus.publish(incident(2));
    expect(scored).toEqual(['evt-1-checkout']);
  });

  it('dead-letters a scoring that throws or answers no number as "scoring-failed", without delivering', async () => {
    const { bus, deadLetters } = setup();
    const team = recorder('team');
    bus.subscribe('IncidentOpened', team.subscriber, {
      scoring: {
        score: (event) => {
          if ((event.detail as { severity: number }).severity === 1) throw new Error('model unavailable');
          return Number.NaN;
        },
      },
    });
    await bus.publish(incident(1));
    await bus.publish(incident(2));
    expect(team.received).toEqual([]);
    expect(deadLetters.list().map(({ reason, message }) => ({ reason, message }))).toEqual([
      { reason: 'scoring-failed', message: 'scoring for team failed: model unavailable' },
      { reason: 'scoring-failed', message: 'scoring for team answered NaN, not a number' },
    ]);
  });

  it('counts deliveries, failures, unrouted events and the failures of each subscription', async () => {
    const { bus } = setup();
    const smsId = bus.subscribe('IncidentOpened', recorder('sms', new Error('down')).subscriber);
    bus.subscribe('IncidentOpened', recorder('chat').subscriber, { filter: { detail: { severity: [1] } } });
    await bus.publish(incident(1));
    await bus.publish(incident(2));
    await bus.publish({ ...incident(1), 'detail-type': 'Unheard' });
    expect(bus.stats()).toEqual({
      published: 3,
      delivered: 1,
      failed: 2,
      unrouted: 1,
      invalid: 0,
      filteredOut: 1,
      belowThreshold: 0,
      failuresBySubscription: { [smsId]: 2 },
    });
  });

  it('stops delivering to a subscription once unsubscribed, and says whether there was one', async () => {
    const { bus, deadLetters } = setup();
    const chat = recorder('chat');
    const id = bus.subscribe('IncidentOpened', chat.subscriber);
    expect(bus.unsubscribe(id)).toBe(true);
    expect(bus.unsubscribe(id)).toBe(false);
    await bus.publish(incident(1));
    expect(chat.received).toEqual([]);
    expect(deadLetters.list().map((letter) => letter.reason)).toEqual(['no-subscribers']);
  });

  it('gives an event published without id or time both, and dead-letters bad input instead of throwing', async () => {
    const { bus, deadLetters } = setup();
    const chat = recorder('chat');
    bus.subscribe('IncidentOpened', chat.subscriber);
    await bus.publish({ source: 'ops.intake', 'detail-type': 'IncidentOpened', detail: { severity: 1 } });
    expect(chat.received[0]).toMatchObject({ id: 'id-2', time: '2026-12-02T12:00:00.000Z' });

    await bus.publish({ source: '', 'detail-type': 'IncidentOpened', detail: {} });
    await bus.publish({ source: 'ops', 'detail-type': 'IncidentOpened' } as never);
    await bus.publish({ source: 'ops', 'detail-type': 'IncidentOpened', detail: { n: 1n } });
    expect(deadLetters.list().map(({ reason, message }) => ({ reason, message }))).toEqual([
      { reason: 'invalid-event', message: 'not an event: source is not a non-empty string' },
      { reason: 'invalid-event', message: 'not an event: it has no detail' },
      { reason: 'invalid-event', message: expect.stringMatching(/^not an event: not JSON/) },
    ]);
    expect(bus.stats()).toMatchObject({ invalid: 3, delivered: 1 });
  });

  it('refuses a filter EventBridge would refuse, and a threshold outside [0, 1), naming the subscriber', () => {
    const { bus } = setup();
    const chat = recorder('chat').subscriber;
    expect(() =>
      bus.subscribe('IncidentOpened', chat, { filter: { detail: { severity: 1 } } as never }),
    ).toThrow(InvalidSubscriptionError);
    expect(() =>
      bus.subscribe('IncidentOpened', chat, { scoring: { score: () => 1, threshold: 1 } }),
    ).toThrow(/subscription of chat to IncidentOpened: the relevance threshold is in \[0, 1\)/);
    expect(() => bus.subscribe('', chat)).toThrow(InvalidSubscriptionError);
  });

  it('fails the publish as transient when a dead letter cannot be recorded, after delivering what it could', async () => {
    const chat = recorder('chat');
    const bus = new FilteringEventBus({
      deadLetters: { add: async () => Promise.reject(new Error('queue unavailable')) },
    });
    bus.subscribe('IncidentOpened', chat.subscriber);
    bus.subscribe('IncidentOpened', recorder('sms', new Error('down')).subscriber);
    const publishing = bus.publish(incident(1));
    await expect(publishing).rejects.toBeInstanceOf(DeadLetterWriteError);
    await expect(publishing).rejects.toMatchObject({ transient: true, code: 'DEAD_LETTER_WRITE_FAILED' });
    expect(chat.received).toHaveLength(1);
  });
});
