import { OUTBOX_SOURCE, SOURCE_PREFIX } from '../../lambdas/contracts/sources.js';
import { TABLE_ACTIONS } from '../../lambdas/contracts/table-access.js';
import {
  EVENT_STORE_ATTRIBUTES as A,
  EVENT_STORE_TABLE,
  SNAPSHOT_PARTITION_MARKER,
} from '../../lambdas/contracts/tables/event-store-table.js';
import type { AgentSpec } from '../../lambdas/runtime/agent-spec.js';

/** The outbox publisher's function type: `sourceFor(OUTBOX_FUNCTION_TYPE)` is {@link OUTBOX_SOURCE}. */
export const OUTBOX_FUNCTION_TYPE = OUTBOX_SOURCE.slice(SOURCE_PREFIX.length);

/** The snapshot writer's function type (`<prefix>-snapshot-writer`): a stream consumer, not an agent. */
export const SNAPSHOT_FUNCTION_TYPE = 'snapshot-writer';

/**
 * The partition keys of snapshot items (`<stream id>#snapshot#<reducer version>`) as an IAM `StringLike`
 * pattern. Stream ids may not contain `#`, so no event partition matches it.
 */
export const SNAPSHOT_PARTITION_PATTERN = `*${SNAPSHOT_PARTITION_MARKER}*`;

/** The attributes of a snapshot item: none of an event's (id, type, data, metadata), so no event can be put. */
const SNAPSHOT_ATTRIBUTES = [A.pk, A.sk, A.kind, A.streamId, A.reducerVersion, A.state, A.time];

/**
 * The transactional outbox's publisher: forwards the event store's new events to the bus under
 * `agentbridge.outbox` (the events come from the store, not from an agent). No table at all: no agent state,
 * no idempotency records (a redelivered record is republished under the same message id and consumers
 * deduplicate), no event store access beyond its stream (the event source).
 */
export const OUTBOX_PUBLISHER_SPEC: AgentSpec = {
  agentType: OUTBOX_FUNCTION_TYPE,
  hostsAgent: false,
  publishes: true,
};

/**
 * The snapshot writer: reads the previous snapshot and the events after it (Query); writes snapshot items
 * only: PutItem is conditioned on the snapshot partitions, so it can never write (and so publish) an event.
 * No idempotency table: a snapshot at a version is deterministic, a redelivery rewrites the same item.
 */
export const SNAPSHOT_WRITER_SPEC: AgentSpec = {
  agentType: SNAPSHOT_FUNCTION_TYPE,
  hostsAgent: false,
  tables: [
    { table: EVENT_STORE_TABLE, actions: TABLE_ACTIONS.eventStoreReads },
    {
      table: EVENT_STORE_TABLE,
      actions: TABLE_ACTIONS.eventStoreSnapshots,
      leadingKeyPatterns: [SNAPSHOT_PARTITION_PATTERN],
      attributes: SNAPSHOT_ATTRIBUTES,
    },
  ],
};
