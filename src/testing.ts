/**
 * agentbridge/testing: the conformance suites, for your own runtime or store adapter.
 *
 * Each `describe…Conformance` registers vitest suites that every implementation of a port must pass; the
 * in-memory and DynamoDB adapters shipped in `agentbridge/stores` and both runtimes run the same ones.
 * Needs `vitest` (and `fast-check` for the event store) in your project.
 *
 * @example
 * ```ts
 * import { InMemoryEventStoreAdapter } from 'agentbridge/stores';
 * import { describeEventStoreConformance } from 'agentbridge/testing';
 *
 * describeEventStoreConformance('my adapter', () => ({ adapter: new InMemoryEventStoreAdapter(), propertyRuns: 50 }));
 * ```
 *
 * @packageDocumentation
 */

export { Count, Fail, Note, Ping, Round, Slow, Task } from '../test/conformance/conformance-messages.js';
export { DomainFailureError } from '../test/conformance/domain-failure.js';
export { describeEventStoreConformance } from '../test/conformance/event-store-conformance.js';
export type { EventStoreHarness } from '../test/conformance/event-store-harness.js';
export type { ConformanceNote, ItemStoreFactory } from '../test/conformance/item-store-conformance.js';
export {
  describeItemStoreConformance,
  ITEM_STORE_CONFORMANCE_TABLE,
} from '../test/conformance/item-store-conformance.js';
export { describeLifecycleConformance } from '../test/conformance/lifecycle-conformance.js';
export { describePipelineRunStoreConformance } from '../test/conformance/pipeline-run-store-conformance.js';
export { describePoolSlotStoreConformance } from '../test/conformance/pool-slot-store-conformance.js';
export { describeRoutingConformance } from '../test/conformance/routing-conformance.js';
export { describeRoutingHistoryConformance } from '../test/conformance/routing-history-conformance.js';
export { describeRuntimeConformance } from '../test/conformance/runtime-conformance.js';
export type { RuntimeHarness } from '../test/conformance/runtime-harness.js';
