/**
 * agentbridge/stores: persistence ports, each with a DynamoDB and an in-memory adapter.
 *
 * Event store (conditional appends, snapshots), pipeline runs (checkpoints per stage), agent state (versioned, with the messages already
 * applied), item stores for a system's own records, locks with fencing tokens, a two-layer cache, and Step
 * Functions task tokens. Both adapters of a port pass one conformance suite (`agentbridge/testing`). The
 * table definitions are what the `agentbridge/cdk` constructs create for them, and `TABLE_ACTIONS` what they
 * grant: an agent's declaration names its tables from here, so its handler never loads the CDK.
 *
 * @example
 * ```ts
 * import { EventStore, InMemoryEventStoreAdapter, NO_STREAM } from 'agentbridge/stores';
 *
 * const store = new EventStore({ adapter: new InMemoryEventStoreAdapter() });
 * await store.append('account-1', NO_STREAM, [{ type: 'Opened', data: {} }]);
 * ```
 *
 * @packageDocumentation
 */

export type { TableAccess } from '../lambdas/contracts/table-access.js';
export { agentFunctionTables, TABLE_ACTIONS } from '../lambdas/contracts/table-access.js';
export type { TableDefinition } from '../lambdas/contracts/table-definition.js';
// The tables these stores need.
export { AGENT_STATE_TABLE } from '../lambdas/contracts/tables/agent-state-table.js';
export { BATCH_RESULTS_TABLE } from '../lambdas/contracts/tables/batch-results-table.js';
export { CACHE_TABLE } from '../lambdas/contracts/tables/cache-table.js';
export { EVENT_STORE_TABLE } from '../lambdas/contracts/tables/event-store-table.js';
export { IDEMPOTENCY_TABLE } from '../lambdas/contracts/tables/idempotency-table.js';
export { LOCK_TABLE } from '../lambdas/contracts/tables/lock-table.js';
export { PIPELINE_RUNS_TABLE } from '../lambdas/contracts/tables/pipeline-runs-table.js';
export { POOL_SLOTS_TABLE } from '../lambdas/contracts/tables/pool-slots-table.js';
export { ROUTING_HISTORY_TABLE } from '../lambdas/contracts/tables/routing-history-table.js';
export { TASK_TOKEN_TABLE } from '../lambdas/contracts/tables/task-token-table.js';
// Agent state.
export {
  InvalidAgentStateError,
  InvalidAgentStateIdError,
  StateVersionConflictError,
} from '../lambdas/stores/agent-state/agent-state-error.js';
export type {
  AgentStateEntry,
  AgentStateStore,
  StoredAgentState,
  VersionedAgentState,
} from '../lambdas/stores/agent-state/agent-state-store.js';
export type { DynamoDbAgentStateStoreOptions } from '../lambdas/stores/agent-state/dynamodb/dynamodb-agent-state-store.js';
export { DynamoDbAgentStateStore } from '../lambdas/stores/agent-state/dynamodb/dynamodb-agent-state-store.js';
export { InMemoryAgentStateStore } from '../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
// Cache: an in-memory L1 over a DynamoDB L2.
export {
  CacheConfigurationError,
  CacheLayerError,
  CacheValueNotSerializableError,
  CacheValueTooLargeError,
  InvalidCacheKeyError,
  InvalidCacheTtlError,
} from '../lambdas/stores/cache/cache-error.js';
export type { CacheEntry, CacheLayer } from '../lambdas/stores/cache/cache-layer.js';
export type { DynamoDbCacheLayerOptions } from '../lambdas/stores/cache/dynamodb/dynamodb-cache-layer.js';
export { DynamoDbCacheLayer } from '../lambdas/stores/cache/dynamodb/dynamodb-cache-layer.js';
export type { LruCacheLayerOptions } from '../lambdas/stores/cache/in-memory/lru-cache-layer.js';
export { LruCacheLayer } from '../lambdas/stores/cache/in-memory/lru-cache-layer.js';
export type { MapCacheLayerOptions } from '../lambdas/stores/cache/in-memory/map-cache-layer.js';
export { MapCacheLayer } from '../lambdas/stores/cache/in-memory/map-cache-layer.js';
export type { JsonValue } from '../lambdas/stores/cache/json-value.js';
export { LayeredCache } from '../lambdas/stores/cache/layered-cache.js';
export type { CacheSetOptions, LayeredCacheOptions } from '../lambdas/stores/cache/layered-cache-options.js';
export type { TwoLayerCacheOptions } from '../lambdas/stores/cache/two-layer-cache.js';
export { createTwoLayerCache } from '../lambdas/stores/cache/two-layer-cache.js';
// Event store.
export type { DynamoDbEventStoreAdapterOptions } from '../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
export { DynamoDbEventStoreAdapter } from '../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
export type { SnapshotStreamConsumerOptions } from '../lambdas/stores/event-store/dynamodb/snapshot-stream-consumer.js';
export { SnapshotStreamConsumer } from '../lambdas/stores/event-store/dynamodb/snapshot-stream-consumer.js';
export type { AppendResult, EventStoreOptions } from '../lambdas/stores/event-store/event-store.js';
export { EventStore } from '../lambdas/stores/event-store/event-store.js';
export {
  ConcurrencyError,
  StreamVersionNotFoundError,
} from '../lambdas/stores/event-store/event-store-error.js';
export type {
  EventRange,
  EventRangeQuery,
  EventStorePort,
  SerializedEvent,
  SerializedSnapshot,
} from '../lambdas/stores/event-store/event-store-port.js';
export type { ExpectedVersion } from '../lambdas/stores/event-store/expected-version.js';
export { ANY_VERSION, NO_STREAM } from '../lambdas/stores/event-store/expected-version.js';
export { InMemoryEventStoreAdapter } from '../lambdas/stores/event-store/in-memory/in-memory-event-store-adapter.js';
export type { AppendOptions, NewEvent } from '../lambdas/stores/event-store/new-event.js';
export type { ReadOptions, ReadPage } from '../lambdas/stores/event-store/read-page.js';
export type { LoadedState, Reducer } from '../lambdas/stores/event-store/reducer.js';
export type { SnapshotPolicy } from '../lambdas/stores/event-store/snapshot-policy.js';
export type { EventMetadata, StoredEvent } from '../lambdas/stores/event-store/stored-event.js';
// Item stores: a system's own records, one item per key.
export type { DynamoDbItemStoreOptions } from '../lambdas/stores/items/dynamodb/dynamodb-item-store.js';
export { DynamoDbItemStore } from '../lambdas/stores/items/dynamodb/dynamodb-item-store.js';
export { InMemoryItemStore } from '../lambdas/stores/items/in-memory/in-memory-item-store.js';
export type { ItemShape, ItemStore, ItemStoreOptions } from '../lambdas/stores/items/item-store.js';
export {
  InvalidItemError,
  ItemStoreError,
} from '../lambdas/stores/items/item-store-error.js';
// Locks with fencing tokens.
export type { DynamoDbFencedResourceOptions } from '../lambdas/stores/locks/dynamodb/dynamodb-fenced-resource.js';
export { DynamoDbFencedResource } from '../lambdas/stores/locks/dynamodb/dynamodb-fenced-resource.js';
export type { DynamoDbLockStoreOptions } from '../lambdas/stores/locks/dynamodb/dynamodb-lock-store.js';
export { DynamoDbLockStore } from '../lambdas/stores/locks/dynamodb/dynamodb-lock-store.js';
export type { FencedResource, FencedValue } from '../lambdas/stores/locks/fenced-resource-port.js';
export { InMemoryFencedResource } from '../lambdas/stores/locks/in-memory/in-memory-fenced-resource.js';
export { InMemoryLockStore } from '../lambdas/stores/locks/in-memory/in-memory-lock-store.js';
export type { Lock, LockHolder, LockSnapshot, QueuedWaiter } from '../lambdas/stores/locks/lock.js';
export {
  CorruptLockItemError,
  InvalidLockRequestError,
  LockContentionError,
  LockError,
  LockHeldError,
  LockLostError,
  LockWaitTimeoutError,
  NotLockOwnerError,
  StaleFencingTokenError,
} from '../lambdas/stores/locks/lock-error.js';
export type { LockManagerOptions, LockRelease } from '../lambdas/stores/locks/lock-manager.js';
export { LockManager } from '../lambdas/stores/locks/lock-manager.js';
export type { LockStore } from '../lambdas/stores/locks/lock-store-port.js';
export type { AcquireOptions } from '../lambdas/stores/locks/validate-lock-request.js';
// Pipeline runs: a pipeline's checkpoints, so a run resumes after its last stage.
export type { DynamoDbPipelineRunStoreOptions } from '../lambdas/stores/pipeline-runs/dynamodb/dynamodb-pipeline-run-store.js';
export { DynamoDbPipelineRunStore } from '../lambdas/stores/pipeline-runs/dynamodb/dynamodb-pipeline-run-store.js';
export { InMemoryPipelineRunStore } from '../lambdas/stores/pipeline-runs/in-memory/in-memory-pipeline-run-store.js';
export type { PipelineRun, PipelineRunStore } from '../lambdas/stores/pipeline-runs/pipeline-run.js';
export {
  InvalidPipelineRunError,
  PipelineRunConflictError,
} from '../lambdas/stores/pipeline-runs/pipeline-run.js';
export type { DynamoDbPoolSlotStoreOptions } from '../lambdas/stores/pool-slots/dynamodb/dynamodb-pool-slot-store.js';
export { DynamoDbPoolSlotStore } from '../lambdas/stores/pool-slots/dynamodb/dynamodb-pool-slot-store.js';
export { InMemoryPoolSlotStore } from '../lambdas/stores/pool-slots/in-memory/in-memory-pool-slot-store.js';
export type {
  PoolCounters,
  PoolSlotStore,
  PoolState,
  SlotLease,
  SlotState,
} from '../lambdas/stores/pool-slots/pool-slot-store.js';
export type { DynamoDbRoutingHistoryOptions } from '../lambdas/stores/routing-history/dynamodb/dynamodb-routing-history.js';
export { DynamoDbRoutingHistory } from '../lambdas/stores/routing-history/dynamodb/dynamodb-routing-history.js';
export { InMemoryRoutingHistory } from '../lambdas/stores/routing-history/in-memory/in-memory-routing-history.js';
export type {
  CandidateStats,
  CompatibilityModel,
  RoutingHistoryStore,
  RoutingOutcome,
} from '../lambdas/stores/routing-history/routing-history.js';
export { NO_HISTORY } from '../lambdas/stores/routing-history/routing-history.js';
// What every store raises when its backend fails or an item is unreadable.
export { CorruptItemError, StoreUnavailableError } from '../lambdas/stores/store-errors.js';
// Step Functions task tokens: park a wait, resume it once.
export type { DynamoDbTaskTokenStoreOptions } from '../lambdas/stores/task-tokens/dynamodb/dynamodb-task-token-store.js';
export { DynamoDbTaskTokenStore } from '../lambdas/stores/task-tokens/dynamodb/dynamodb-task-token-store.js';
export type { InMemoryTaskTokenStoreOptions } from '../lambdas/stores/task-tokens/in-memory/in-memory-task-token-store.js';
export { InMemoryTaskTokenStore } from '../lambdas/stores/task-tokens/in-memory/in-memory-task-token-store.js';
export { InvalidTaskTokenInputError } from '../lambdas/stores/task-tokens/task-token-error.js';
export type { TaskTokenStore } from '../lambdas/stores/task-tokens/task-token-store.js';
