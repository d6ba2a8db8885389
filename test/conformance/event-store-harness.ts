import { randomUUID } from 'node:crypto';
import type { EventStoreOptions } from '../../lambdas/stores/event-store/event-store.js';
import { EventStore } from '../../lambdas/stores/event-store/event-store.js';
import type { EventStorePort } from '../../lambdas/stores/event-store/event-store-port.js';
import type { Reducer } from '../../lambdas/stores/event-store/reducer.js';
import type { StoredEvent } from '../../lambdas/stores/event-store/stored-event.js';

/** What the event store conformance suite needs from an adapter under test. */
export interface EventStoreHarness {
  readonly adapter: EventStorePort;
  /** fast-check runs for the property tests (DynamoDB Local is slower than memory). */
  readonly propertyRuns: number;
}

/** A fresh stream id per test: the DynamoDB table is shared by every test file running in parallel. */
export const newStreamId = (category = 'conformance'): string => `${category}-${randomUUID()}`;

export const FIXED_TIME = new Date('2026-01-02T03:04:05.678Z');

export const storeOn = (harness: EventStoreHarness, options: Partial<EventStoreOptions> = {}): EventStore =>
  new EventStore({ adapter: harness.adapter, clock: { now: () => FIXED_TIME.getTime() }, ...options });

/** A JSON state every test reducer folds into. */
export interface Tally {
  readonly count: number;
  readonly total: number;
  readonly types: readonly string[];
}

const amountOf = (event: StoredEvent): number => {
  const data = event.data;
  if (typeof data === 'object' && data !== null && 'amount' in data && typeof data.amount === 'number') {
    return data.amount;
  }
  return 0;
};

/** Folds any event into a tally; order-sensitive (`types`) so a misplaced event shows. */
export const tallyEvent = (state: Tally, event: StoredEvent): Tally => ({
  count: state.count + 1,
  total: state.total * 3 + amountOf(event),
  types: [...state.types.slice(-4), `${event.version}:${event.type}`],
});

export const tallyReducer = (version: number): Reducer<Tally> => ({
  version,
  initial: () => ({ count: 0, total: 0, types: [] }),
  apply: tallyEvent,
});

/** `count` events of type `Added` with amounts 1, 2, 3, … */
export const addedEvents = (count: number, from = 1): { type: string; data: { amount: number } }[] =>
  Array.from({ length: count }, (_, index) => ({ type: 'Added', data: { amount: from + index } }));
