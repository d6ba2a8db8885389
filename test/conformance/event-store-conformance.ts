import { describe } from 'vitest';
import { describeAppendConformance } from './event-store-append-conformance.js';
import type { EventStoreHarness } from './event-store-harness.js';
import { describeInputConformance } from './event-store-input-conformance.js';
import { describeReadConformance } from './event-store-read-conformance.js';
import { describeSnapshotConformance } from './event-store-snapshot-conformance.js';

/** The event store contract (issue 3 §2): every adapter passes the same behaviours. */
export function describeEventStoreConformance(name: string, create: () => EventStoreHarness): void {
  describe(`${name} event store conformance`, () => {
    describeAppendConformance(create);
    describeInputConformance(create);
    describeReadConformance(create);
    describeSnapshotConformance(create);
  });
}
